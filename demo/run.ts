// The main job's demo: the built, generated client against a local stand-in (Prism mocking the bundled spec
// with request validation on). Creates, gets, lists, updates and deletes in each of the five groups.
// No credentials and no network beyond 127.0.0.1.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENV, GROUPS } from './calls.js';
import { startMock } from './prism.js';

type Package = typeof import('../generated/src/index.js');

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'generated/dist/index.js');

async function main(): Promise<number> {
  let pkg: Package;
  try {
    pkg = (await import(pathToFileURL(DIST).href)) as Package;
  } catch {
    console.error(`demo: ${path.relative(process.cwd(), DIST)} is missing: run \`make generate build\` first (or just \`make\`).`);
    return 1;
  }
  const port = process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : undefined;
  const mock = await startMock({ spec: path.join(ROOT, 'generated/openapi.json'), port });
  const started = performance.now();
  let calls = 0;
  try {
    console.log(`Confluent Cloud client demo: Prism is mocking generated/openapi.json on ${mock.url} (request validation on).\n`);
    // The stand-in checks that credentials are present, not what they are.
    const cc = new pkg.ConfluentCloud({ baseUrl: mock.url, apiKey: 'demo-key', apiSecret: 'demo-secret', maxRetries: 0 });
    for (const g of GROUPS) {
      const resource = cc[g.group];
      console.log(g.group);
      const created = (await g.create(cc)) as { id?: string; status?: { phase?: string } };
      line('create', `${created.id} (${created.status?.phase})`);
      const got = (await resource.get(g.id, { environment: ENV })) as { id?: string; spec?: { display_name?: string }; status?: { phase?: string } };
      line('get', `${got.id} "${got.spec?.display_name}" ${got.status?.phase}`);
      const page = await g.list(cc);
      line('list', `${page.data.length} on this page${page.metadata?.next ? ', more behind metadata.next' : ''}`);
      const updated = (await g.update(cc)) as { spec?: { display_name?: string } };
      line('update', `display name "${updated.spec?.display_name}"`);
      await resource.delete(g.id, { environment: ENV });
      line('delete', 'accepted');
      calls += 5;
      console.log('');
    }
    console.log(`${calls} calls, all accepted by the stand-in, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (err) {
    console.error(`demo failed: ${(err as Error).message}`);
    const violations = mock.log.filter((l) => /violation|error/i.test(l)).slice(-5);
    if (violations.length) console.error(`Prism said:\n  ${violations.join('\n  ')}`);
    return 1;
  } finally {
    await mock.stop();
  }
}

function line(verb: string, text: string): void {
  console.log(`  ${verb.padEnd(7)} → ${text}`);
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`demo: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
