/** The data service in the engine worker, over the worker's own browser ports. */
import { serveDataService } from '../src/state';
import type { WorkerScopeLike } from '../src/state';
import { servicePorts } from './workerPorts';

export function serve(scope: WorkerScopeLike): void {
  serveDataService(scope, servicePorts);
}
