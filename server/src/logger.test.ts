import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createLogger } from './logger.ts';

/** A Writable that records each write it receives, acknowledging after `delayMs`. */
function recordingOutput({ highWaterMark = 16 * 1024, delayMs = 0 } = {}) {
  const writes: string[] = [];
  const output = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      writes.push(chunk);
      setTimeout(callback, delayMs);
    },
  });
  const lines = () =>
    writes
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { output, writes, lines };
}

describe('logger', () => {
  it('writes nothing during the request and one batch of JSON lines, in order, on the next turn', async () => {
    const { output, writes, lines } = recordingOutput();
    const logger = createLogger({ output });
    logger.info('quote answered', { requestId: 'r1' });
    logger.warn('quote failed', { requestId: 'r2', provider: 'bigfix' });
    logger.error('quote crashed', { requestId: 'r3' });
    assert.deepEqual(writes, [], 'no write while the request runs');
    await nextTurn();
    assert.equal(writes.length, 1, 'one write for the three lines');
    assert.deepEqual(
      lines().map(({ level, message, requestId }) => [level, message, requestId]),
      [
        ['info', 'quote answered', 'r1'],
        ['warn', 'quote failed', 'r2'],
        ['error', 'quote crashed', 'r3'],
      ],
    );
    assert.equal(typeof lines()[0]!.time, 'string');
  });

  it('waits for drain when the output pushes back, and flush() resolves once every line is out', async () => {
    const { output, lines } = recordingOutput({ highWaterMark: 64, delayMs: 5 });
    const logger = createLogger({ output });
    for (let index = 0; index < 50; index++) {
      logger.info('line', { index });
      if (index % 10 === 0) await nextTurn();
    }
    await logger.flush();
    assert.deepEqual(
      lines().map(({ index }) => index),
      [...Array(50).keys()],
    );
  });

  it('drops the oldest lines past the bound while the output is stuck, and says how many', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const received: string[] = [];
    const output = new Writable({
      highWaterMark: 1,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        received.push(chunk);
        void stuck.then(() => callback());
      },
    });
    const logger = createLogger({ output, maxPendingLines: 5 });
    logger.info('first');
    await nextTurn(); // written, never acknowledged: the output is stuck
    for (let index = 0; index < 20; index++) logger.info('later', { index });
    await nextTurn();
    release();
    await logger.flush();
    const parsed = received
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      parsed.map(({ message, index, dropped }) => [message, index ?? dropped]),
      [['first', undefined], ['log lines dropped', 15], ...[15, 16, 17, 18, 19].map((index) => ['later', index])],
    );
  });

  it('calls a synchronous sink at once (tests read lines right after a request), and silent logs nothing', async () => {
    const sink: string[] = [];
    const logger = createLogger({ write: (line) => void sink.push(line) });
    logger.info('order created', { orderId: 'ord_1' });
    assert.equal(sink.length, 1);
    assert.deepEqual(JSON.parse(sink[0]!).orderId, 'ord_1');
    await logger.flush();
    const { output, writes } = recordingOutput();
    const silent = createLogger({ silent: true, output });
    silent.error('nothing');
    await silent.flush();
    assert.deepEqual(writes.join(''), '');
  });
});
