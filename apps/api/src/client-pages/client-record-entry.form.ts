import { IsString, MaxLength } from 'class-validator';

/** The client page's "add an entry" form; the record's own rules check the content. */
export class ClientRecordEntryForm {
  @IsString()
  @MaxLength(40)
  section!: string;

  @IsString()
  @MaxLength(1000)
  title!: string;

  @IsString()
  @MaxLength(20_000)
  body!: string;
}
