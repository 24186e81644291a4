import { checkSignStep, type SignValues } from './consent-wizard.form';

const values = (over: Partial<SignValues> = {}): SignValues => ({
  way: 'signature_on_screen',
  signature: '',
  typedName: '',
  typedConfirm: false,
  ...over,
});

describe('checkSignStep', () => {
  it('asks how the young person answered', () => {
    expect(checkSignStep(values({ way: '' }), undefined).errors[0].code).toBe('wayRequired');
    expect(checkSignStep(values({ way: 'by_fax' }), undefined).errors[0].code).toBe('wayRequired');
  });

  it('takes a drawn signature as PNG bytes, and asks for one when missing', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const signed = checkSignStep(
      values({ signature: `data:image/png;base64,${png.toString('base64')}` }),
      undefined,
    );
    expect(signed).toEqual({ errors: [], way: 'signature_on_screen', evidence: png });
    expect(checkSignStep(values(), undefined).errors[0].field).toBe('signature');
    expect(
      checkSignStep(values({ signature: 'data:text/html;base64,PGI+' }), undefined).errors[0].code,
    ).toBe('signatureMissing');
  });

  it('needs both the typed name and the ticked confirmation', () => {
    const errors = checkSignStep(values({ way: 'typed_name', typedName: '  ' }), undefined).errors;
    expect(errors.map((e) => e.field)).toEqual(['typedName', 'typedConfirm']);
    expect(
      checkSignStep(
        values({ way: 'typed_name', typedName: ' Aino ', typedConfirm: true }),
        undefined,
      ),
    ).toEqual({ errors: [], way: 'typed_name', typedName: 'Aino' });
  });

  it('passes a missing scan on as empty, for the consent service to refuse', () => {
    expect(checkSignStep(values({ way: 'signed_paper' }), undefined).evidence).toEqual(
      Buffer.alloc(0),
    );
  });

  it('does not let an answer to a request be "asked for" again', () => {
    expect(checkSignStep(values({ way: 'requested' }), undefined).way).toBe('requested');
    expect(
      checkSignStep(values({ way: 'requested' }), undefined, { answering: true }).errors[0].code,
    ).toBe('wayRequired');
    expect(checkSignStep(values({ way: 'refused' }), undefined, { answering: true }).way).toBe(
      'refused',
    );
  });
});
