// The dashboard's last answer, kept in memory while the page is open: a failed refresh (offline) leaves the last
// figures on screen, marked stale, instead of blanking them.
import { pb } from '$lib/client/pb';
import { loadDashboard, type DashboardData, type DashboardQuery } from '$lib/client/dashboard/load-report';

export type LoadStatus = 'loading' | 'ready' | 'failed' | 'forbidden';

export class ReportLoader {
  #data = $state<DashboardData | null>(null);
  #status = $state<LoadStatus>('loading');
  #latest = 0;

  get data(): DashboardData | null {
    return this.#data;
  }

  get status(): LoadStatus {
    return this.#status;
  }

  async load(query: DashboardQuery): Promise<void> {
    // Filters change faster than answers come back: only the newest request may write its answer.
    const ticket = ++this.#latest;
    this.#status = 'loading';
    try {
      const data = await loadDashboard(pb, query);
      if (ticket !== this.#latest) return;
      this.#data = data;
      this.#status = 'ready';
    } catch (error) {
      if (ticket !== this.#latest) return;
      this.#status = (error as { status?: number }).status === 403 ? 'forbidden' : 'failed';
    }
  }
}
