// The ceiling: a bare Node http server that answers every request with the bytes of one mock 201,
// read from the file named by CEILING_BODY, with the content type in CEILING_TYPE.
import fs from 'node:fs';
import http from 'node:http';

const body = fs.readFileSync(process.env.CEILING_BODY ?? '');
const contentType = process.env.CEILING_TYPE ?? 'application/json';

http
  .createServer((request, response) => {
    request.resume().on('end', () => {
      response.writeHead(201, { 'content-type': contentType, 'content-length': body.length });
      response.end(body);
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
