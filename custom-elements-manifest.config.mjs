export default {
  globs: ['components/**/*.ts'],
  exclude: [
    'components/**/*.styles.ts',
    'components/index.ts',
    'components/bundle.ts',
    'components/core.ts',
    'components/**/messages*.ts',
  ],
  outdir: '.',
  litelement: true,
};
