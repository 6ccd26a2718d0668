// Runs once when the server starts. The work lives in a Node-only module so the Edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('@/lib/startup');
  startServer();
}
