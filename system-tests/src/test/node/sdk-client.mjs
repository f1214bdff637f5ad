// The official MCP TypeScript SDK client, driven by the system tests: node sdk-client.mjs <mcp-url> <token> <demo|everything|federated>
// Prints one JSON line with what it saw; exits non-zero with the error on stderr.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, token, mode] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: 'sigil-system-test-ts', version: '1.0.0' });

// Calls server-everything's long-running tool with progress asked for; returns the progress seen and the answer.
const withProgress = async (name) => {
  const progress = [];
  const result = await client.callTool({ name, arguments: { duration: 1, steps: 3 } }, undefined, {
    onprogress: (p) => progress.push(p.progress),
  });
  return { progress, done: text(result) };
};

const text = (result) => (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');

try {
  await client.connect(transport);
  const seen = { server: client.getServerVersion()?.name, protocol: transport.protocolVersion };
  seen.tools = (await client.listTools()).tools.map((t) => t.name);
  if (mode === 'demo') {
    seen.call = text(await client.callTool({ name: 'get_weather', arguments: { city: 'Bonn' } }));
    seen.resources = (await client.listResources()).resources.map((r) => r.uri);
    seen.resource = (await client.readResource({ uri: 'demo://readme' })).contents.map((c) => c.text ?? '').join('');
    seen.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
    seen.prompt = (await client.getPrompt({ name: 'summarise_inbox', arguments: {} })).messages.length;
  } else if (mode === 'federated') {
    seen.call = text(await client.callTool({ name: 'demo__get_weather', arguments: { city: 'Bonn' } }));
    seen.echo = text(await client.callTool({ name: 'everything__echo', arguments: { message: 'through sigil' } }));
    seen.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
    seen.prompt = (await client.getPrompt({ name: 'everything__simple-prompt', arguments: {} })).messages.length;
    seen.resources = (await client.listResources()).resources.map((r) => r.uri);
    const theirs = seen.resources.find((uri) => uri.startsWith('demo://resource/static/'));
    seen.resource = (await client.readResource({ uri: theirs })).contents.map((c) => c.text ?? '').join('').length;
    seen.readme = (await client.readResource({ uri: 'demo://readme' })).contents.map((c) => c.text ?? '').join('');
    seen.longRunning = await withProgress('everything__trigger-long-running-operation');
  } else {
    seen.call = text(await client.callTool({ name: 'echo', arguments: { message: 'through sigil' } }));
    seen.longRunning = await withProgress('trigger-long-running-operation');
  }
  // The session the gateway issued, then ended by the client's DELETE.
  seen.session = transport.sessionId ?? null;
  if (seen.session) {
    await transport.terminateSession();
    // The SDK also accepts a 405 to DELETE: whether the gateway really ended it shows in a request naming it.
    const after = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'MCP-Protocol-Version': transport.protocolVersion ?? '2025-06-18',
        'Mcp-Session-Id': seen.session,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'ping' }),
    });
    seen.afterTerminate = after.status;
  }
  console.log(JSON.stringify(seen));
  await client.close();
} catch (error) {
  console.error(`sdk-client failed: ${error?.message ?? error}`);
  process.exit(2);
}
