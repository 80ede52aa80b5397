// The reference receiver and demo agency site behind `npm start`.
// Configuration comes from environment variables (see README: "Configuration").
import { createServer } from './app.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const app = await createServer();
await app.listen({ port, host });
console.log(`dvc-forms demo agency site: http://localhost:${port}/  (Ctrl-C to stop)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
