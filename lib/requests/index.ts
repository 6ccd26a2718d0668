import 'server-only';

export { refreshRequestNow, listRequests } from './actions';
export { cancelRequest, certificateFile, importCertificate, submitRequest } from './audited';
export { getReconciliation, reconcile } from './reconcile';
export { recoverInterrupted } from './store';
