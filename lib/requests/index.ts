import 'server-only';

export { cancelRequest, certificateFile, getRequest, importCertificate, listRequests } from './actions';
export { submitRequest } from './submit';
