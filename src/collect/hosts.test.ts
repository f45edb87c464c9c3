import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HostGate } from './hosts.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('hosts: a host is busy while a request is in flight, then waits out the delay', async () => {
  const time = clock();
  const gate = new HostGate({ delayMs: 5_000, breakerFailures: 5, breakerMs: 900_000 }, time.now);
  assert.equal(gate.readyAt('a.test'), 0);
  const release = await gate.acquire('a.test');
  assert.equal(gate.readyAt('a.test'), Infinity, 'one request at a time');
  assert.equal(gate.readyAt('b.test'), 0, 'other hosts go on');
  release();
  assert.equal(gate.readyAt('a.test'), time.now() + 5_000);
  release(); // a second release changes nothing
  assert.equal(gate.readyAt('a.test'), time.now() + 5_000);
});

test('hosts: a Crawl-delay longer than the delay applies; a shorter one does not', async () => {
  const time = clock();
  const gate = new HostGate({ delayMs: 2_000, breakerFailures: 5, breakerMs: 900_000 }, time.now);
  gate.setCrawlDelay('slow.test', 10_000);
  gate.setCrawlDelay('fast.test', 500);
  (await gate.acquire('slow.test'))();
  (await gate.acquire('fast.test'))();
  assert.equal(gate.readyAt('slow.test') - time.now(), 10_000);
  assert.equal(gate.readyAt('fast.test') - time.now(), 2_000);
});

test('hosts: five failures in a row suspend a host; a success in between resets the count', () => {
  const time = clock();
  const gate = new HostGate({ delayMs: 0, breakerFailures: 5, breakerMs: 900_000 }, time.now);
  for (let i = 0; i < 4; i++) gate.record('flaky.test', false);
  gate.record('flaky.test', true);
  for (let i = 0; i < 4; i++) gate.record('flaky.test', false);
  assert.equal(gate.isSuspended('flaky.test'), false);
  gate.record('flaky.test', false);
  assert.equal(gate.isSuspended('flaky.test'), true);
  assert.equal(gate.readyAt('flaky.test'), time.now() + 900_000);
  assert.equal(gate.isSuspended('other.test'), false);
  time.advance(900_001);
  assert.equal(gate.isSuspended('flaky.test'), false);
});

test('hosts: waiters get the host in turn, each after the delay', async () => {
  const gate = new HostGate({ delayMs: 30, breakerFailures: 5, breakerMs: 1000 });
  const starts: number[] = [];
  await Promise.all(
    [0, 1, 2].map(async () => {
      const release = await gate.acquire('one.test');
      starts.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 5));
      release();
    }),
  );
  assert.equal(starts.length, 3);
  for (let i = 1; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 1]! >= 30, `started ${starts[i]! - starts[i - 1]!} ms apart`);
});
