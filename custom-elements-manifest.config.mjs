export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/index.ts', 'components/**/messages*.ts'],
  outdir: '.',
  litelement: true,
};
