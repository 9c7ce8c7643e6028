// Preloaded into the Kinesis emulators (node -r) so that every server they open binds to 127.0.0.1 only.
// Neither emulator has a bind-address option; they listen on all interfaces by default.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] === 'string') {
      args[1] = '127.0.0.1';
    } else {
      args.splice(1, 0, '127.0.0.1');
    }
  } else if (first && typeof first === 'object' && !Array.isArray(first) && first.path === undefined) {
    args[0] = Object.assign({}, first, { host: '127.0.0.1' });
  }
  return listen.apply(this, args);
};

// kinesalite rethrows a request's 'error' event, so a client that hangs up mid-request (a Connect task
// stopping while its GetRecords is in flight interrupts the call and closes the socket) kills the whole
// emulator. A client hanging up is not the server's failure: note it and keep serving; anything else
// still ends the process, as Node would.
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET' && err.message === 'aborted') {
    console.error('Ignored: a client aborted its request (' + err.code + ')');
    return;
  }
  console.error(err);
  process.exit(1);
});
