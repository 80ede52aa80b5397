// The e-mail channel (demo/server/notify/email.js) against a mail server that takes the TCP
// connection and never greets (a hung or overloaded relay): the channel's own time-out must end
// the attempt, as a temporary failure the queue retries. nodemailer's default greeting time-out
// is 30 s and its socket time-out 10 minutes; the channel's time-outs once went to the messages'
// defaults (createTransport's second argument) and never reached the connection, so a send
// waited that long and this test ran into its own time-out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';

const { createEmailChannel } = (await import(
  new URL('../../demo/server/notify/email.js', import.meta.url).href
)) as {
  createEmailChannel(options: { url: string; from: string; timeoutSeconds?: number }): {
    kind: 'email';
    send(to: string, message: { subject: string; text: string; sms: string }): Promise<void>;
    close(): void;
  };
};
const { NotifyError } = (await import(
  new URL('../../demo/server/notify/errors.js', import.meta.url).href
)) as { NotifyError: new (message: string, permanent: boolean) => Error & { permanent: boolean } };

test(
  'a mail server that never greets fails the send after timeoutSeconds, temporarily',
  {
    timeout: 15_000,
  },
  async () => {
    const sockets = new Set<Socket>();
    let connections = 0;
    const silent = createServer((socket) => {
      connections++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const channel = createEmailChannel({
      url: `smtp://127.0.0.1:${port}`,
      from: 'UBND xã <no-reply@example.gov.vn>',
      timeoutSeconds: 1,
    });
    try {
      const sent = channel.send('cong.dan@example.com', {
        subject: 'Hồ sơ đã được tiếp nhận',
        text: 'Mã hồ sơ: X',
        sms: 'Mã hồ sơ: X',
      });
      await assert.rejects(sent, (e: unknown) => {
        assert.ok(e instanceof NotifyError);
        assert.equal(e.message, 'SMTP: ETIMEDOUT');
        assert.equal(e.permanent, false);
        return true;
      });
      // The channel reached the server (the failure is its silence, not a refused connection).
      assert.equal(connections, 1);
    } finally {
      channel.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  },
);
