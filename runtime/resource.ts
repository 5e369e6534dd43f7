import type { BaseClient } from './client.js';

/** Base of every generated resource class (`client.networks`, ...). */
export class APIResource {
  constructor(protected readonly _client: BaseClient<object>) {}
}
