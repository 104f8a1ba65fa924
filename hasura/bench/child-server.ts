/**
 * The child's side of a server process (see server-process.ts): the parent sends `start` with the
 * server's settings, may then `call` the running server, and finally sends `stop`. The child also
 * stops when the parent goes away (the IPC channel closes), so a crashed benchmark leaves no server.
 */
export type ParentMessage =
  | { type: 'start'; init: unknown }
  | { type: 'call'; id: number; payload: unknown }
  | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'failed'; error: string }
  | { type: 'reply'; id: number; result?: unknown; error?: string };

export interface RunningServer {
  url: string;
  /** Answers the parent's `call`s (e.g. capturing the SQL of a request); optional. */
  handle?(payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function send(reply: ChildMessage): void {
  process.send?.(reply);
}

/** Serves `start(init)` in this child process until the parent says `stop` or disconnects. */
export function runChildServer(start: (init: unknown) => Promise<RunningServer>): void {
  let server: RunningServer | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number) => {
    stopping ??= (server?.close() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(code));
  };
  process.on('disconnect', () => stop(0));
  process.on('message', (received: ParentMessage) => {
    if (received.type === 'start') {
      start(received.init).then(
        (running) => {
          server = running;
          send({ type: 'ready', url: running.url });
        },
        (error: unknown) => {
          send({ type: 'failed', error: message(error) });
          stop(1);
        },
      );
    } else if (received.type === 'call') {
      const work = server?.handle ? server.handle(received.payload) : Promise.reject(new Error('the server takes no calls'));
      work.then(
        (result) => send({ type: 'reply', id: received.id, result }),
        (error: unknown) => send({ type: 'reply', id: received.id, error: message(error) }),
      );
    } else if (received.type === 'stop') {
      stop(0);
    }
  });
}
