import { apiContract } from './contracts/api.contract';
import { fakeApi } from './fake-api';

/** The API contract against the component specs' in-memory API: it must answer as the server does. */
apiContract(async () => ({ api: (await fakeApi()).api }));
