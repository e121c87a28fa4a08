// Runs once when the server starts, before it takes traffic: migrate, bootstrap the first admin.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareServer } = await import("./lib/server-start");
  await prepareServer();
}
