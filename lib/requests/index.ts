import 'server-only';

export { cancelRequest, certificateFile, refreshRequestNow, importCertificate, listRequests } from './actions';
export { getReconciliation, reconcile } from './reconcile';
export { recoverInterrupted } from './store';
export { submitRequest } from './submit';
