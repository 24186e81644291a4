import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInt } from './transforms';

/** limit/offset paging for list endpoints. */
export class PageQueryDto {
  @ApiProperty({ required: false, default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 20;

  @ApiProperty({ required: false, default: 0, minimum: 0 })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(0)
  offset: number = 0;
}
