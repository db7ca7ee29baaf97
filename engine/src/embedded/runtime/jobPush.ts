import type { ActivateJobsRequest, JobPushTarget, Unsubscribe } from '../../port';
import type { WaitItem } from '../store/EngineStore';

/** Locks a job for a worker until `timeout` ms after `now`. */
export function lockJob(it: WaitItem, now: number, request: Pick<ActivateJobsRequest, 'timeout' | 'worker'>): void {
  it.dueAt = now + (request.timeout ?? 30_000);
  it.data.worker = request.worker ?? 'default';
  it.data.locked = true;
}

interface OfType {
  targets: JobPushTarget[];
  turn: number;
}

/** The open job streams by job type; each new job goes to the next ready stream of its type. */
export class PushTargets {
  private readonly byType = new Map<string, OfType>();

  add(target: JobPushTarget): Unsubscribe {
    const type = target.request.type;
    const of = this.byType.get(type) ?? { targets: [], turn: 0 };
    of.targets.push(target);
    this.byType.set(type, of);
    return () => {
      of.targets = of.targets.filter((t) => t !== target);
      if (of.targets.length === 0 && this.byType.get(type) === of) this.byType.delete(type);
    };
  }

  /** A ready stream for a job of the type, the streams taking turns; undefined when none is ready. */
  pick(type: string): JobPushTarget | undefined {
    const of = this.byType.get(type);
    if (!of) return undefined;
    for (let i = 0; i < of.targets.length; i++) {
      const target = of.targets[(of.turn + i) % of.targets.length];
      if (target.ready()) {
        of.turn = (of.turn + i + 1) % of.targets.length;
        return target;
      }
    }
    return undefined;
  }
}
