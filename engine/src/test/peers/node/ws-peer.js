// An independent WebSocket peer (the npm ws server) for the selector transport's tests. Listens on a free
// loopback port, prints "port N", then plays the scenario named by each connection's path and prints
// "close PATH CODE" with the close code it received from the client (1006: none).
const { WebSocketServer } = require('ws');

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1 << 20 });
server.on('listening', () => console.log('port ' + server.address().port));
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
      ws.send('before reset', () => ws._socket.resetAndDestroy());
      break;
    case '/oversized':
      ws.send('x'.repeat((1 << 20) + 1));
      break;
    default:
      break;
  }
});
