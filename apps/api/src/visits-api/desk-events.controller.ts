import { Controller, Get, Logger, Req, Res, UseFilters } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DeskQueueService } from '@ohjaamo/visits';
import type { Response } from 'express';
import { Subscription } from 'rxjs';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { toDeskBoardDto } from './desk.dto';

// Proxies and load balancers drop connections that stay silent for about a minute.
export const HEARTBEAT_MS = 25_000;
// The stream ends after this long and the browser reconnects (EventSource does so by
// itself), so a signed-out session or a removed site access stops the updates.
export const MAX_STREAM_MS = 15 * 60_000;
const RECONNECT_MS = 3_000;

/** The live desk board as server-sent events. */
@ApiTags('desk')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/sites')
export class DeskEventsApiController {
  private readonly logger = new Logger('DeskEventsApiController');

  constructor(private readonly desk: DeskQueueService) {}

  /**
   * `text/event-stream`: a `board` event with the whole board on connect and after every
   * change (from any api process), and a comment line as heartbeat every 25 seconds.
   */
  @Allow('desk.queue')
  @Get(':siteId/desk/events')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'Events named "board", data: the DeskBoard JSON' })
  @ApiNotFoundResponse({ description: 'A site the caller does not work at' })
  events(@Req() req: AuthedRequest, @IdParam('siteId') siteId: string, @Res() res: Response): void {
    // Checked before any byte is sent, so a refusal is an ordinary JSON error.
    const updates = this.desk.boardUpdates(req.auth!.actor, siteId);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    // Tells nginx-style proxies not to buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: ${RECONNECT_MS}\n\n`);

    let finished = false;
    // Closed by finish(); a stream added after that is closed at once.
    const subscription = new Subscription();
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearInterval(heartbeat);
      clearTimeout(maxAge);
      subscription.unsubscribe();
      if (!res.writableEnded) res.end();
    };
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const maxAge = setTimeout(finish, MAX_STREAM_MS);
    res.on('close', finish);
    subscription.add(
      updates.subscribe({
        next: (board) =>
          res.write(`event: board\ndata: ${JSON.stringify(toDeskBoardDto(board))}\n\n`),
        // A failed board read ends the stream; the browser reconnects and starts afresh.
        error: (error: unknown) => {
          this.logger.warn({ err: error }, 'desk board stream failed');
          finish();
        },
        complete: finish,
      }),
    );
  }
}
