/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The TSB client and its mTLS agent stay on the server; undici is Node-only.
  serverExternalPackages: ['undici'],
};

export default nextConfig;
