// The OpenSSL text rendering, line for line (see render/): what `openssl x509|req -noout -text` prints.
export { renderOpensslText } from './render/index';
