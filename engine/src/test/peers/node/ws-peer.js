// An independent WebSocket peer (the npm ws server) for the selector transport's tests. Listens on a free
// loopback port, prints "port N", then plays the scenario named by each connection's path and prints
// "close PATH CODE" with the close code it received from the client (1006: none). Given a PEM certificate
// and its PEM key as arguments, it speaks TLS (wss://) with them.
const fs = require('fs');
const https = require('https');
const { WebSocketServer } = require('ws');

const [certificate, key] = process.argv.slice(2);
let server;
if (certificate) {
  const tls = https.createServer({ cert: fs.readFileSync(certificate), key: fs.readFileSync(key) });
  server = new WebSocketServer({ server: tls, maxPayload: 1 << 20 });
  tls.listen(0, '127.0.0.1', () => console.log('port ' + tls.address().port));
} else {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1 << 20 });
  server.on('listening', () => console.log('port ' + server.address().port));
}
server.on('connection', (ws, request) => {
  const path = request.url;
  ws.on('close', (code) => console.log('close ' + path + ' ' + code));
  ws.on('message', (data) => ws.send('echo:' + data.toString()));
  ws.on('pong', (data) => ws.send('pong:' + data.toString()));
  switch (path) {
    case '/fragments':
      ws.send('{"part":"one', { fin: false });
      ws.ping('between');
      ws.send(' two', { fin: false });
      ws.send(' three"}', { fin: true });
      ws.send('after');
      break;
    case '/ping':
      ws.ping('are-you-there');
      break;
    case '/close':
      ws.close(4001, 'bye');
      break;
    case '/reset':
      // over TLS node can only destroy the socket (no close_notify, a FIN): resetAndDestroy needs a TCP handle
      ws.send('before reset', () => (certificate ? ws._socket.destroy() : ws._socket.resetAndDestroy()));
      break;
    case '/burst':
      for (let i = 0; i < 20000; i++) {
        ws.send('{"n":' + i + ',"pad":"' + 'z'.repeat(i % 300) + '"}');
      }
      break;
    case '/oversized':
      ws.send('x'.repeat((1 << 20) + 1));
      break;
    default:
      break;
  }
});
