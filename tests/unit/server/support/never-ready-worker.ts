// A worker for worker-pool.test.ts that never says it is ready (as one stuck loading its modules).
setInterval(() => undefined, 60_000);
