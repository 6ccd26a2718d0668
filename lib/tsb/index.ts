import 'server-only';

export { TsbError } from './client';
export { importPlainCertificate, signCertificate, signCertificateSync } from './certificates';
export { getKeyAttributes, getKeyCertificate, listKeys } from './keys';
export { cancelRequest, filteredRequests, getRequestStatus } from './requests';
export type { KeyAttributes, SignCertificateFields, TsbRequestStatus, TsbRequestStatusDto } from './schemas';
export { getVersionInfo } from './system';
