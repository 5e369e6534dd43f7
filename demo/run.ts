// The main job's demo: the built, generated client (generated/dist) against the package's own stateful stand-in
// (its ./testing entry) on 127.0.0.1, with short phase times. For each of the five groups: create, wait through the
// phases, create enough for listAll to cross three pages, update one, delete one, wait until it is gone and show the GoneError (403 forbidden_access) a get then gets.
// No credentials and no network beyond 127.0.0.1.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_GROUPS, ENV } from './groups.js';

type Package = typeof import('../generated/src/index.js');
type Testing = typeof import('../generated/src/testing/index.js');
type Resource = { id: string; spec: { display_name?: string }; status: { phase: string } };
/** The five resources share these method shapes; the demo calls them through one type. */
interface AnyResource {
  get(id: string, query: { environment: string }): Promise<Resource>;
  update(id: string, body: { spec: { display_name: string; environment: { id: string } } }): Promise<Resource>;
  delete(id: string, query: { environment: string }): Promise<void>;
  listAll(query: { environment: string; page_size: number }): AsyncIterable<Resource>;
  waitFor(
    id: string,
    query: { environment: string },
    wait?: { intervalMs: number; timeoutMs: number },
  ): Promise<Resource>;
  waitUntilDeleted(
    id: string,
    query: { environment: string },
    wait?: { intervalMs: number; timeoutMs: number },
  ): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'generated/dist');
const PHASES = { provisionMs: 800, deprovisionMs: 300 };
const PAGE_SIZE = 2;

async function main(): Promise<number> {
  let pkg: Package;
  let testing: Testing;
  try {
    pkg = (await import(pathToFileURL(path.join(DIST, 'index.js')).href)) as Package;
    testing = (await import(pathToFileURL(path.join(DIST, 'testing/index.js')).href)) as Testing;
  } catch {
    console.error(
      `demo: ${path.relative(process.cwd(), DIST)} is missing: run \`make generate build\` first (or just \`make\`).`,
    );
    return 1;
  }
  const port = process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : undefined;
  const stand = await testing.startStandIn({ port, phases: PHASES });
  const started = performance.now();
  let calls = 0;
  const counting: typeof fetch = (input, init) => {
    calls++;
    return fetch(input, init);
  };
  try {
    console.log(`Confluent Cloud client demo against the stateful stand-in on ${stand.url}`);
    console.log(
      `(provisioning takes ${PHASES.provisionMs} ms here, deprovisioning ${PHASES.deprovisionMs} ms; pages of ${PAGE_SIZE})\n`,
    );
    // The stand-in checks that credentials are present, not what they are.
    const cc = new pkg.ConfluentCloud({
      baseUrl: stand.url,
      apiKey: 'demo-key',
      apiSecret: 'demo-secret',
      fetch: counting,
    });
    let network = '';
    for (const g of DEMO_GROUPS) {
      const resource = cc[g.group] as unknown as AnyResource;
      console.log(g.group);
      const first = await g.create(cc, `demo-${g.group}-0`, network);
      const id = first.id;
      if (!id) {
        throw new Error(`create of ${g.group} returned no id`);
      }
      network ||= id;
      line('create', `${id} "${first.spec.display_name}" (${first.status.phase})`);

      // The default wait ends at the resource's settled phases (a peering's PENDING_ACCEPT among them).
      const t0 = performance.now();
      const settled = await resource.waitFor(id, { environment: ENV }, { intervalMs: 100, timeoutMs: 30_000 });
      line(
        'waitFor',
        `${first.status.phase} → ${settled.status.phase} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      if (settled.status.phase !== g.ready) {
        // The other side accepts the peering; the stand-in's control plays that part.
        stand.accept(id);
        line('accept', `${id} → ${(await resource.get(id, { environment: ENV })).status.phase}`);
      }

      for (let i = 1; i <= 2 * PAGE_SIZE + 1; i++) {
        await g.create(cc, `demo-${g.group}-${i}`, network);
      }
      const before = calls;
      const ids: string[] = [];
      for await (const r of resource.listAll({ environment: ENV, page_size: PAGE_SIZE })) {
        ids.push(r.id);
      }
      line('listAll', `${ids.length} ${g.group} over ${calls - before} pages of ${PAGE_SIZE}`);

      const updated = await resource.update(id, {
        spec: { display_name: `demo-${g.group}-0-renamed`, environment: { id: ENV } },
      });
      line('update', `${updated.id} display name "${updated.spec.display_name}"`);

      const doomed = ids.at(-1)!;
      await resource.delete(doomed, { environment: ENV });
      const during = await resource.get(doomed, { environment: ENV }).then(
        (r) => r.status.phase,
        () => 'gone',
      );
      line('delete', `${doomed} (${during === 'gone' ? 'gone at once' : during})`);
      await resource.waitUntilDeleted(doomed, { environment: ENV }, { intervalMs: 100, timeoutMs: 30_000 });
      const err = await resource.get(doomed, { environment: ENV }).then(
        () => new Error(`${doomed} is still there`),
        (e: unknown) => e as Error,
      );
      line('get', `${err.name}: ${err.message}`);
      console.log('');
    }
    console.log(`${calls} calls in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (err) {
    console.error(`demo failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await stand.close();
  }
}

function line(verb: string, text: string): void {
  console.log(`  ${verb.padEnd(8)} → ${text}`);
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`demo: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
