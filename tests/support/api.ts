// A thin typed client for tests: plain fetch against PocketBase's REST API, as superuser or as an agent.

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export class Api {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.token ? { authorization: this.token } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // plain-text answer (the webhook handshake)
    }
    return { status: response.status, body: parsed };
  }

  create<T = any>(collection: string, data: Record<string, unknown>) {
    return this.request<T>('POST', `/api/collections/${collection}/records`, data);
  }

  update<T = any>(collection: string, id: string, data: Record<string, unknown>) {
    return this.request<T>('PATCH', `/api/collections/${collection}/records/${id}`, data);
  }

  view<T = any>(collection: string, id: string) {
    return this.request<T>('GET', `/api/collections/${collection}/records/${id}`);
  }

  delete(collection: string, id: string) {
    return this.request('DELETE', `/api/collections/${collection}/records/${id}`);
  }

  /** Every record matching the filter (up to 500), as superuser sees them unless this client is an agent. */
  async list<T = any>(collection: string, filter = '', sort = ''): Promise<T[]> {
    const query = new URLSearchParams({ perPage: '500', ...(filter ? { filter } : {}), ...(sort ? { sort } : {}) });
    const response = await this.request<{ items: T[] }>('GET', `/api/collections/${collection}/records?${query}`);
    if (response.status !== 200) throw new Error(`list ${collection}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.items;
  }

  /** Signs in an agent and returns a client acting as them. */
  async as(email: string, password: string): Promise<Api> {
    const response = await this.request<{ token: string }>('POST', '/api/collections/agents/auth-with-password', { identity: email, password });
    if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status} ${JSON.stringify(response.body)}`);
    return new Api(this.url, response.body.token);
  }
}
