import { describe, expect, it } from 'vitest';
import { analyze, fold } from './analyze-text.js';

describe('analyze', () => {
  it.each([
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', ['wu', 'e', 'pt', 'soapclient', 'initi']],
    ['WinHttpSendRequest', ['winhttpsendrequest', 'win', 'http', 'send', 'request']],
    ['Updates are downloading', ['updat', 'download']],
    ['0x8024402F', ['0x8024402f']],
    ['Überprüfung fehlgeschlagen', ['uberprufung', 'fehlgeschlagen']],
    ['Ошибка: служба не запущена', ['ошибка', 'служба', 'не', 'запущена']],
    ['"*^:()NEAR AND OR', ['near']],
  ])('%s → %j', (text, terms) => {
    expect(analyze(text)).toEqual(terms);
  });

  it('folds accents and case, keeps scripts', () => {
    expect(fold('Échec ÀÉÎ ё')).toBe('echec aei е');
    expect(fold('STRASSE Straße Œuvre ПРИВЕТ Ñ')).toBe('strasse strasse oeuvre привет n');
  });
});
