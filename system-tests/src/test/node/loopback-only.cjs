// Preloaded into MCP peers that listen on every interface and have no host option (server-everything):
// whatever port they ask for, they get it on 127.0.0.1 only. The port may arrive as a string (from PORT).
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, callback);
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return listen.call(this, { port: Number(first), host: '127.0.0.1' }, callback);
  }
  return listen.call(this, ...args, ...(callback ? [callback] : []));
};
