// Preloaded into the Agents Playground (`node --require`): it listens on every interface
// (`server.listen(port)`), and anyone who reaches it can talk to the local bot, which trusts it
// unauthenticated. A listen without a host gets the loopback interface instead.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'number' && typeof second !== 'string') args.splice(1, 0, '127.0.0.1');
  else if (first && typeof first === 'object' && first.port !== undefined && first.host === undefined)
    args[0] = { ...first, host: '127.0.0.1' };
  return listen.apply(this, args);
};
