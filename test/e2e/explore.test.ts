import { test } from 'vitest';
import { catalogOf } from '../support/connect.js';
import { credentialsFor, describeViolations, startPrism, summarize, sweepOperations } from '../support/prism.js';

const specs = (process.env.SPECS ?? '3.0/json/petstore.json').split(',');
test.each(specs)('explore %s', async (name) => {
  const doc = `node_modules/@readme/oas-examples/${name}`;
  const prism = await startPrism(doc);
  try {
    const catalog = await catalogOf(doc);
    for (const fill of ['all', 'required'] as const) {
      const outcomes = await sweepOperations({ catalog, baseUrl: prism.url, ids: catalog.operations.map((o) => o.id).filter((id) => !process.env.SKIP || !new RegExp(process.env.SKIP).test(id)), fill, concurrency: Number(process.env.CONC ?? 8), server: { credentials: credentialsFor(catalog) } });
      console.log(`startup ${prism.startupMs} ms\n` + summarize(`${name} ${fill}`, outcomes));
      console.log(describeViolations(outcomes).join('\n'));
      if (outcomes.some((o) => o.result === 'error')) console.log('PRISM OUTPUT', prism.output().slice(-3000));
      for (const o of outcomes) if (o.result !== 'sent') console.log(o.id, o.result, o.message?.slice(0, 400));
      if (process.env.VERBOSE) for (const o of outcomes) console.log(JSON.stringify({ id: o.id, args: o.args, ex: o.exchanges.map((e) => ({ ...e.request, status: e.response.status, v: e.response.headers['sl-violations'], b: e.response.body.slice(0, 200) })) }));
    }
  } finally {
    await prism.stop();
  }
});
