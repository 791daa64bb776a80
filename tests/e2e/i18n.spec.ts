// Languages: with `lang=en|fr|es` (or the browser's language when the URL has none) every
// visible string, attribute and the About panel is in that language, with no `⟦id⟧` marker (an
// id missing from src/state/i18n.rs) and no unfilled `{placeholder}`; `<html lang>` follows;
// the lecture bar's language selector switches and keeps `lang=` in the URL; translated
// drawings stay inside their viewBox and badge; an exported SVG is the CLI's `--lang` drawing.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectErrors, overflows } from './visualiser-helpers';

type Code = 'en' | 'fr' | 'es';

/** Strings each language must show for the default DMMO (a few from each part of the page). */
const KNOWN: Record<Code, { summary: string; cutLabel: string; readout: string; texts: string[]; svg: string[] }> = {
  en: {
    summary: 'Closing the 2.6\u00a0mm kerf raises the head 2.3\u00a0mm and shortens the ray 1.8\u00a0mm',
    cutLabel: 'Cut angle to the shaft φ',
    readout: '45.0°',
    texts: ['Undo', 'Outcomes', 'Head rise', 'About the model', 'Export figure', 'Kerf closure'],
    svg: ['Forces on the cut', 'The head tips into dorsiflexion', 'rise 2.3\u00a0mm', 'lever e 7.4\u00a0mm'],
  },
  fr: {
    summary: 'En fermant l’espace fraisé de 2,6\u00a0mm, on élève la tête de 2,3\u00a0mm et on raccourcit le rayon de 1,8\u00a0mm',
    cutLabel: 'Angle de coupe par rapport à la diaphyse φ',
    readout: '45,0°',
    texts: ['Annuler', 'Résultats', 'Élévation de la tête', 'À propos du modèle', 'Exporter la figure', 'Fermeture de l’espace fraisé'],
    svg: ['Forces sur la coupe', 'La tête bascule en flexion dorsale', 'élévation 2,3\u00a0mm', 'levier e 7,4\u00a0mm'],
  },
  es: {
    summary: 'Al cerrar el espacio del fresado de 2,6\u00a0mm, la cabeza sube 2,3\u00a0mm y el radio se acorta 1,8\u00a0mm',
    cutLabel: 'Ángulo de corte respecto a la diáfisis φ',
    readout: '45,0°',
    texts: ['Deshacer', 'Resultados', 'Elevación de la cabeza', 'Acerca del modelo', 'Exportar la figura', 'Cierre del espacio del fresado'],
    svg: ['Fuerzas sobre el corte', 'La cabeza bascula en flexión dorsal', 'elevación 2,3\u00a0mm', 'palanca e 7,4\u00a0mm'],
  },
};

const PRESETS = ['dmmo', 'perpendicular', 'vertical', 'reverse', 'weil', 'ocra'];

async function open(page: Page, query: string) {
  await page.goto(`./?${query}`);
  await expect(page.locator('main#app svg.scene')).toBeVisible();
  await expect(page.locator('output[data-outcome=verdict]')).toHaveAttribute('data-value', /\S/);
}

/** Everything the page says: body text with the About and export panels open, the drawing's
 *  text, and the human-facing attributes. */
async function everything(page: Page): Promise<{ body: string; svg: string; attrs: string[]; title: string }> {
  for (const details of ['details.about', 'details.export']) {
    const el = page.locator(details);
    if ((await el.count()) === 0) continue; // the single-ray page links to the About panel
    if ((await el.getAttribute('open')) === null) await el.locator('summary').click();
    await expect(el).toHaveJSProperty('open', true);
  }
  return page.evaluate(() => {
    const attrs: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of ['aria-label', 'title', 'aria-valuetext', 'placeholder']) {
        const v = el.getAttribute(name);
        if (v) attrs.push(v);
      }
    }
    return {
      body: document.body.innerText,
      svg: document.querySelector('svg.scene')!.textContent ?? '',
      attrs,
      title: document.title,
    };
  });
}

function expectNoMissingString(all: { body: string; svg: string; attrs: string[]; title: string }, what: string) {
  for (const [part, text] of [['body', all.body], ['svg', all.svg], ['title', all.title], ...all.attrs.map((a) => ['attribute', a])]) {
    expect(text, `${what}: a missing id in the ${part}`).not.toContain('⟦');
    expect(text, `${what}: an unfilled placeholder in the ${part}`).not.toMatch(/\{[a-z_]+\}/);
  }
}

for (const code of ['fr', 'es', 'en'] as Code[]) {
  test(`lang=${code}: every string translated, html[lang], known texts, the About panel`, async ({ page }) => {
    const errors = collectErrors(page);
    // The single-ray page links to the About panel, which the whole app shows (about=1).
    await open(page, `lang=${code}`);
    const link = page.locator('p.about-link a');
    await expect(link).toContainText({ en: 'About the model', fr: 'À propos du modèle', es: 'Acerca del modelo' }[code]);
    await link.click();
    await expect(page.locator('details.about')).toHaveJSProperty('open', true);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('about'))).toBe('1');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('main#app')).toHaveAttribute('lang', code);
    await expect(page.locator('select[name=lang]')).toHaveValue(code);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('lang'))).toBe(code);

    const known = KNOWN[code];
    await expect(page.locator('#summary')).toContainText(known.summary);
    await expect(page.locator('label[for=control-cut]')).toContainText(known.cutLabel);
    await expect(page.locator('output[data-outcome=cut_to_shaft_deg]')).toHaveText(known.readout);
    // Machine values keep the dot whatever the language.
    await expect(page.locator('output[data-outcome=head_rise_mm]')).toHaveAttribute('data-value', /^2\.25/);
    await expect(page.locator('input[type=number][name=kerf]')).toHaveValue('2.6');

    const all = await everything(page);
    expectNoMissingString(all, code);
    for (const t of known.texts) expect(all.body, `${code}: "${t}"`).toContain(t);
    for (const t of known.svg) expect(all.svg, `${code}: drawing "${t}"`).toContain(t);
    if (code !== 'en') {
      for (const t of KNOWN.en.texts) expect(all.body, `${code}: English "${t}" left`).not.toContain(t);
    }
    await expect(page.locator('details.about')).toContainText(code === 'es' ? 'fresa de Shannon' : code === 'fr' ? 'fraise de Shannon' : 'Shannon burr');
    expect(errors).toEqual([]);
  });
}

test('lang=fr and lang=es: every preset in every state reached by the controls has every string, inside the drawing', async ({ page }) => {
  const errors = collectErrors(page);
  for (const code of ['fr', 'es'] as Code[]) {
    for (const name of PRESETS) {
      await open(page, `preset=${name}&lang=${code}`);
      expectNoMissingString(await everything(page), `${code} ${name}`);
      const out = await overflows(page);
      expect(out.viewBox, `${code} ${name}: outside the viewBox (mm)`).toEqual([]);
      expect(out.verdict, `${code} ${name}: verdict text outside its badge (mm)`).toEqual([]);
    }
    // Sentences with a slide, a tilt, a partial closure and a motion limit; a URL notice.
    await open(page, `preset=dmmo&slide=-2&tilt=-20&foo=1&kerf=9&close=2.6&lang=${code}`);
    await expect(page.locator('.notice')).toBeVisible();
    await expect(page.locator('ul.limits')).toBeVisible();
    expectNoMissingString(await everything(page), `${code} limits`);
    await expect(page.locator('.notice')).toContainText(code === 'fr' ? 'paramètre inconnu «\u00a0foo\u00a0» ignoré' : 'parámetro desconocido «foo» ignorado');
  }
  expect(errors).toEqual([]);
});

test.describe('the browser language is the default', () => {
  test.use({ locale: 'fr-FR' });

  test('a French browser without lang= gets French, and lang= in the URL wins', async ({ page }) => {
    const errors = collectErrors(page);
    await open(page, 'preset=dmmo');
    expect(await page.evaluate(() => navigator.language)).toBe('fr-FR');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('#summary')).toContainText(KNOWN.fr.summary);
    expectNoMissingString(await everything(page), 'fr-FR browser');
    // Not chosen, so not written into the link.
    expect(await page.evaluate(() => location.search)).not.toContain('lang=');

    await open(page, 'preset=dmmo&lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#summary')).toContainText(KNOWN.en.summary);
    expect(errors).toEqual([]);
  });
});

test('the language selector switches the page and keeps lang= in the URL', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, 'preset=reverse&lang=en');
  await page.locator('select[name=lang]').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#summary')).toContainText('la cabeza se separa');
  await expect(page.locator('svg.scene')).toContainText('La cabeza se despega');
  await expect(page.locator('button[data-preset=reverse]')).toHaveText('Inversa «\\»');
  await expect.poll(() => page.evaluate(() => location.search)).toBe('?preset=reverse&ray=2&lang=es');
  await expect(page).toHaveTitle('osteoviz — geometría de la DMMO');
  // The state and its undo history are untouched by a language change.
  await expect(page.locator('button[name=undo]')).toBeDisabled();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.locator('select[name=lang]').selectOption('fr');
  await expect(page.locator('#summary')).toContainText('la tête se sépare');
  await expect.poll(() => page.evaluate(() => location.search)).toBe('?preset=reverse&ray=2&lang=fr');
  expect(errors).toEqual([]);
});

test('an SVG exported in French is the CLI drawing with --lang fr', async ({ page }) => {
  test.setTimeout(240_000);
  const root = process.cwd();
  execFileSync('cargo', ['build', '--quiet', '--bin', 'osteoviz'], { cwd: root, stdio: 'inherit' });
  const errors = collectErrors(page);
  await open(page, 'preset=dmmo&slide=-1&lang=fr');
  await page.locator('details.export summary').click();
  await page.locator('input[name=export-caption]').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[name=export-svg]').click()]);
  const pageSvg = readFileSync((await download.path())!, 'utf8');
  expect(pageSvg).not.toContain('⟦');
  expect(pageSvg).toContain('Élévation de la tête');
  expect(pageSvg).toContain('Forces sur la coupe');

  const dir = mkdtempSync(join(tmpdir(), 'osteoviz-i18n-'));
  execFileSync(join(root, 'target', 'debug', 'osteoviz'), ['render', 'preset=dmmo&slide=-1', '--lang', 'fr', '-o', join(dir, 'cli.svg')]);
  const cliSvg = readFileSync(join(dir, 'cli.svg'), 'utf8');
  // The same labels (the page's export adds only the caption lines).
  const labels = (svg: string) => Array.from(svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g), (m) => m[1]);
  const fromPage = labels(pageSvg);
  for (const l of labels(cliSvg)) expect(fromPage).toContain(l);
  expect(errors).toEqual([]);
});

/** English the forefoot plan page used to show in French and Spanish (the panel, its tables,
 *  its drawings, "How the plan is computed" and the tooltips): none of it may be left. */
const PLAN_ENGLISH = [
  'within', 'outside', 'over 3\u00a0mm', 'How the plan is computed', 'tip before', 'tip after', 'height before',
  'load after', 'not cut', 'shortened', 'Evenness', 'largest gain', 'Top view:', 'Arch view:', 'Load share',
  'teaching heuristic', 'springs', 'normal feet', 'interpolated', 'not published', 'DMMO of', 'Edit M',
  'Below:', 'sagittal view of', 'assumption', 'published', 'head centre', 'sesamoid placed', 'central metatarsalgia pattern',
  'unknown parameter', ' the ',
];

for (const code of ['fr', 'es'] as Code[]) {
  test(`plan=m2m3m4&lang=${code}: the forefoot plan page has no English left`, async ({ page }) => {
    const errors = collectErrors(page);
    // The full plan, and M2 alone beside it with a transfer warning and a link notice.
    for (const query of [`plan=m2m3m4&lang=${code}`, `plan=m2&compare=m2m3m4&foo=1&lang=${code}`]) {
      await page.goto(`./?${query}`);
      await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page).toHaveTitle(code === 'fr' ? 'osteoviz — géométrie de la DMMO' : 'osteoviz — geometría de la DMMO');
      const how = page.locator('details.plan-heuristic');
      await how.locator('summary').click();
      await expect(how).toHaveAttribute('open', '');
      const all = await page.evaluate(() => {
        const attrs: string[] = [];
        for (const el of Array.from(document.querySelectorAll('.plan-panel *'))) {
          for (const name of ['aria-label', 'title']) {
            const v = el.getAttribute(name);
            if (v) attrs.push(v);
          }
        }
        return {
          body: document.body.innerText,
          panel: (document.querySelector('.plan-panel') as HTMLElement).innerText,
          svg: Array.from(document.querySelectorAll('svg.plan-scene'), (s) => s.textContent ?? '').join('\n'),
          attrs,
        };
      });
      // The threshold sources are citations, the same in every language.
      const attrs = all.attrs.filter((a) => !/^(Barouk|Maestro) /.test(a));
      for (const [part, text] of [['body', all.body], ['drawings', all.svg], ...attrs.map((a) => ['attribute', a])]) {
        expect(text, `${query}: a missing id in the ${part}`).not.toContain('⟦');
        expect(text, `${query}: an unfilled placeholder in the ${part}`).not.toMatch(/\{[a-z_]+\}/);
        for (const phrase of PLAN_ENGLISH) expect(text, `${query}: English "${phrase}" in the ${part}`).not.toContain(phrase);
      }
      expect(all.panel, `${query}: a decimal point in the plan panel`).not.toMatch(/\d\.\d/);
      expect(all.svg, `${query}: a decimal point in the drawings`).not.toMatch(/\d\.\d/);
      expect(all.panel).toContain(code === 'fr' ? 'Comment le plan est calculé' : 'Cómo se calcula el plan');
      expect(all.panel).toContain(code === 'fr' ? 'extrémité préop.' : 'extremo preop.');
      // Machine values keep the dot and their English: data-value, data-heuristic.
      const rise = page.locator('.plan-column-main output[data-outcome="heads.m2.head_rise_mm"]');
      await expect(rise).toHaveAttribute('data-value', /^2\.2\d*$/);
      await expect(rise).toHaveText('+2,3\u00a0mm');
      await expect(page.locator('.plan-column-main svg.plan-arch .load-bars')).toHaveAttribute('data-heuristic', 'teaching heuristic, not a measurement');
    }
    await expect(page.locator('.plan-panel .notice')).toContainText(code === 'fr' ? 'paramètre inconnu «\u00a0foo\u00a0» ignoré' : 'parámetro desconocido «foo» ignorado');
    await expect(page.locator('.plan-details .plan-warning[data-transfer="m3"]')).toBeVisible();
    expect(errors).toEqual([]);
  });
}
