// Chromium, started and then left alone until its own start-up work is done, before a page is timed.
//
// Why: on this 2-core machine the browser shares the cores with the server and PostgreSQL. Right after a launch
// Chromium spends 1–3 s of CPU starting its GPU, network and spare renderer processes; a first load timed from that
// moment measured Chromium's start-up as much as the page (docs/benchmarks.md, "The first load, timed in a running
// browser"). A planner opens the map in a browser that is already running, on a machine that is not the server.
//
// settle() watches the CPU time of every process under the browser (/proc, Linux only) and returns once they used
// less than QUIET_SHARE of one core over a QUIET_WINDOW_MS window, or after MAX_WAIT_MS. It reports what it saw, so
// that a timing printed next to it says in which state the browser was.
import fs from 'node:fs';

const QUIET_WINDOW_MS = 500;
const QUIET_SHARE = 0.05;
const MAX_WAIT_MS = 15000;
const TICK_MS = 1000 / 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

function processTable() {
  const table = new Map();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // the command name (field 2) may hold spaces and parentheses: fields are counted after its closing ')'
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // the process ended while the table was read
    }
  }
  return table;
}

function browserPid(userDataDir) {
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(pid);
    } catch {
      // gone
    }
  }
  return null;
}

// CPU ticks used so far by the browser process and all its descendants (zygote, renderers, GPU, utilities)
function browserTicks(rootPid) {
  const table = processTable();
  const children = new Map();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  let ticks = 0;
  const todo = [rootPid];
  while (todo.length) {
    const pid = todo.pop();
    ticks += table.get(pid)?.ticks ?? 0;
    todo.push(...(children.get(pid) || []));
  }
  return ticks;
}

/** Waits until the browser started with this user data directory is quiet; returns a one-line account. */
export async function settle(userDataDir) {
  const root = browserPid(userDataDir);
  if (root === null) return 'browser not found under /proc: not settled';
  const started = Date.now();
  let before = browserTicks(root);
  while (Date.now() - started < MAX_WAIT_MS) {
    await new Promise((r) => setTimeout(r, QUIET_WINDOW_MS));
    const now = browserTicks(root);
    const busyMs = (now - before) * TICK_MS;
    before = now;
    if (busyMs <= QUIET_SHARE * QUIET_WINDOW_MS) {
      return `browser quiet after ${Date.now() - started} ms of waiting`;
    }
  }
  return `browser still busy after ${MAX_WAIT_MS} ms: timed anyway`;
}
