// The stand-in's state: every stored resource, and which provisioning phase it is in. Phases are worked out when a
// resource is read (no timers), from the time since it was created or deleted, or from how often it was polled.
import type { JsonObject } from './json.js';
import type { StandInCollection } from './types.js';

export type Resource = JsonObject;

export interface PhaseOptions {
  /** Time from create to the ready phase, spread evenly over the phases in between (default 1000). */
  provisionMs?: number;
  /** Time a deleted resource stays in its deprovisioning phase before it is gone (default 500). */
  deprovisionMs?: number;
  /** Advance one phase every this many reads of the resource, instead of by time. */
  pollsPerPhase?: number;
  /** Resources for which this returns true end in the FAILED phase instead of the ready one. */
  fail?: (resource: Resource) => boolean;
}

export interface Entry {
  seq: number;
  collection: StandInCollection;
  id: string;
  environment: string | undefined;
  resource: Resource;
  createdAt: number;
  deletedAt: number | undefined;
  polls: number;
  fails: boolean;
  /** Set by `accept`: the resource may leave its awaiting phase. */
  accepted: boolean;
}

export class Store {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;

  /** Whether a resource waits in its awaiting phase (PENDING_ACCEPT) until accepted, as the service's do. */
  constructor(
    private readonly phases: PhaseOptions,
    private readonly holdForAcceptance = true,
  ) {}

  add(entry: Omit<Entry, 'seq' | 'deletedAt' | 'polls' | 'fails' | 'accepted'>): Entry {
    const full: Entry = { ...entry, seq: ++this.seq, deletedAt: undefined, polls: 0, fails: false, accepted: false };
    full.fails = !!this.phases.fail?.(structuredClone(entry.resource));
    this.entries.set(entry.id, full);
    return full;
  }

  /** The entry, unless it never existed, belongs to another collection or environment, or is gone. */
  find(
    collection: StandInCollection,
    id: string,
    environment: string | undefined,
    now = Date.now(),
  ): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.collection !== collection || this.gone(entry, now)) {
      return undefined;
    }
    if (environment !== undefined && entry.environment !== undefined && entry.environment !== environment) {
      return undefined;
    }
    return entry;
  }

  /** Live entries of a collection in creation order (the stable list order). */
  list(collection: StandInCollection, environment: string | undefined, now = Date.now()): Entry[] {
    return [...this.entries.values()].filter(
      (e) =>
        e.collection === collection &&
        !this.gone(e, now) &&
        (environment === undefined || e.environment === undefined || e.environment === environment),
    );
  }

  markDeleted(entry: Entry, now = Date.now()): void {
    if (!entry.collection.phases?.deprovisioning || this.deprovisionMs === 0) {
      this.entries.delete(entry.id);
    } else {
      entry.deletedAt ??= now;
    }
  }

  phase(entry: Entry, now = Date.now()): string | undefined {
    const phases = entry.collection.phases;
    if (!phases) {
      return undefined;
    }
    if (entry.deletedAt !== undefined) {
      return phases.deprovisioning;
    }
    const walk = phases.provisioning;
    const steps = walk.length - 1;
    let index: number;
    if (steps <= 0) {
      index = 0;
    } else if (this.phases.pollsPerPhase) {
      index = Math.floor(entry.polls / this.phases.pollsPerPhase);
    } else {
      index = Math.floor((now - entry.createdAt) / (Math.max(1, this.provisionMs) / steps));
    }
    const hold = phases.awaiting && this.holdForAcceptance ? walk.indexOf(phases.awaiting) : -1;
    if (hold !== -1 && !entry.accepted && index >= hold && !(entry.fails && phases.failed)) {
      return walk[hold];
    }
    if (index >= steps || entry.accepted) {
      return entry.fails && phases.failed ? phases.failed : walk[steps];
    }
    return walk[index];
  }

  /** The other side accepts: a resource in its awaiting phase moves on to the last settled one. */
  accept(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry?.collection.phases?.awaiting) {
      return false;
    }
    entry.accepted = true;
    return true;
  }

  all(): Entry[] {
    return [...this.entries.values()].filter((e) => !this.gone(e, Date.now()));
  }

  clear(): void {
    this.entries.clear();
    this.seq = 0;
  }

  private gone(entry: Entry, now: number): boolean {
    if (entry.deletedAt === undefined || now - entry.deletedAt < this.deprovisionMs) {
      return false;
    }
    this.entries.delete(entry.id);
    return true;
  }

  private get provisionMs(): number {
    return this.phases.provisionMs ?? 1000;
  }

  private get deprovisionMs(): number {
    return this.phases.deprovisionMs ?? 500;
  }
}
