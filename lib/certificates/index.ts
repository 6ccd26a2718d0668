import 'server-only';

export {
  exportCertificates,
  getCertificate,
  importedCertificate,
  listCertificates,
  recordIssued,
} from './service';
export { certificateFile, certificateFormats, type CertificateFile, type CertificateFormat } from './files';
export { caPemsAfter, issuerCertificate, type IssuerCertificate } from './issuer';
