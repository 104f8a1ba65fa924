import { appendFile, readFile } from 'node:fs/promises';

/** One change of an order's status, as the portal's `order_status_events` stream delivers it. */
export interface OrderStatusEvent {
  /** Increases with every event of the tenant: the stream's cursor. */
  event_number: number;
  order_id: string;
  from_status: string | null;
  to_status: string;
  changed_by_role: string | null;
  created_at: string;
}

/**
 * Where events go, and the cursor kept with them. Write the event and its number in one step (one
 * database transaction, one appended line) so that after any crash the cursor says exactly what
 * was written: nothing is lost and nothing is written twice.
 */
export interface EventSink {
  /** The highest event number written so far, 0 before the first. */
  lastEventNumber(): Promise<number>;
  write(event: OrderStatusEvent): Promise<void>;
}

/**
 * The simplest durable sink: one JSON line per event, appended. The cursor is the last line's
 * event number. Replace it with your ERP's table (insert … on conflict (event_number) do nothing).
 */
export class JsonLinesSink implements EventSink {
  readonly #path: string;
  #last: number | null = null;

  constructor(path: string) {
    this.#path = path;
  }

  async lastEventNumber(): Promise<number> {
    this.#last ??= await this.#readLast();
    return this.#last;
  }

  async write(event: OrderStatusEvent): Promise<void> {
    await appendFile(this.#path, `${JSON.stringify(event)}\n`);
    this.#last = event.event_number;
  }

  /** Every event written, in order (for reports and tests). */
  async events(): Promise<OrderStatusEvent[]> {
    const text = await readFile(this.#path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as OrderStatusEvent);
  }

  async #readLast(): Promise<number> {
    const events = await this.events();
    return events.at(-1)?.event_number ?? 0;
  }
}
