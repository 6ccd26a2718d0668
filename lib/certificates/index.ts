import 'server-only';

export { exportCertificates, getCertificate, listCertificates, recordImported, recordIssued } from './service';
