// Sentences the server writes (chart titles and summaries, map notes, error explanations,
// stocktaking flags, checker findings) come in the page's language on /fr and /es, with the
// names and figures still from the warehouse: Kenya's Internet use 0.0 % (1990) -> 35.0 % (2024),
// world 71.2 % in 2024 and 15.6 % (2005) -> 73.6 % (2025), as in regions-countries.spec.ts.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { screenshot } from './helpers';

/** The page's text: tags and scripts out, entities and every kind of space folded to one space. */
async function pageText(request: APIRequestContext, path: string, status = 200): Promise<string> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(status);
  return (await res.text())
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** English sentence parts the server used to write into every language's pages. */
const ENGLISH = [
  'rose from',
  'fell from',
  'against the goal of',
  'that year',
  'have a value',
  'No data:',
  'Not drawn at this scale',
  'without data are drawn',
  'registered the most activities',
  'held the most badges',
  'made up the largest share',
  'Latest values:',
  'No world or regional aggregate',
  'World (computed)',
  'Stocktaking activities registered against',
  'No update for more than',
  'not in the data',
  'Unknown horizon',
  'No country with the ISO3 code',
  'is missing from the header',
  'latest survey year each'
];

function englishIn(text: string): string[] {
  return ENGLISH.filter((phrase) => text.includes(phrase));
}

const PAGES = ['', '/targets/10', '/action-lines/C2', '/regions/WLD', '/countries/KEN', '/stakeholders', '/stocktaking', '/mdgs/8', '/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA,ZAF,IND,BRA'];

for (const locale of ['fr', 'es']) {
  test(`/${locale} pages carry no server-written English sentence`, async ({ request }) => {
    const found: Record<string, string[]> = {};
    for (const path of PAGES) {
      const english = englishIn(await pageText(request, `/${locale}${path}`));
      if (english.length) found[path || '/'] = english;
    }
    expect(found).toEqual({});
  });
}

test('French chart sentences name the warehouse figures: Kenya, the world and the overview trend', async ({ request }) => {
  const kenya = await pageText(request, '/fr/countries/KEN');
  expect(kenya).toContain('Individuals using the Internet : Kenya, Sub-Saharan Africa et le monde, par rapport à l’objectif de 50,0 %');
  expect(kenya).toContain(
    'Kenya : la valeur de « Individuals using the Internet » a augmenté, passant de 0,0 % en 1990 à 35,0 % en 2024, en dessous de la valeur mondiale (71,2 %) cette année-là ; l’objectif est de 50,0 %.'
  );
  const overview = await pageText(request, '/fr');
  expect(overview).toContain('Monde, utilisation d’Internet : en hausse, de 15,6 % en 2005 à 73,6 % en 2025');
  expect(overview).toMatch(/le monde a dépassé l’objectif de 50,0 % en 2019/);
  const target = await pageText(request, '/fr/targets/10');
  expect(target).toMatch(/\d+ sur \d+ pays ont une valeur \(dernière valeur, \d{4}–\d{4}\) : la plus élevée, /);
  expect(target).toContain('Couverture des données : pays déclarant « Individuals using the Internet (% of population) », par année');
});

test('Spanish chart sentences name the warehouse figures: Kenya and the region', async ({ request }) => {
  const kenya = await pageText(request, '/es/countries/KEN');
  expect(kenya).toContain(
    'Kenya: el valor de «Individuals using the Internet» aumentó de 0,0 % en 1990 a 35,0 % en 2024, por debajo del valor mundial (71,2 %) ese año; el objetivo es 50,0 %.'
  );
  const world = await pageText(request, '/es/regions/WLD');
  expect(world).toContain('Mundo: el valor de «Individuals using the Internet» aumentó de 15,6 % en 2005 a 73,6 % en 2025; el objetivo de 50,0 % se ha alcanzado.');
  expect(world).toContain('Todos los países con una región del Banco Mundial');
});

test('errors, stocktaking flags and the data dictionary note in French and Spanish', async ({ request }) => {
  expect(await pageText(request, '/fr/countries/XXX', 404)).toContain('Aucun pays avec le code ISO3 XXX : les codes sont formés de trois lettres majuscules, comme KEN.');
  expect(await pageText(request, '/es/countries/KEN?horizon=1999', 400)).toContain('Horizonte desconocido «1999»: elija 2012 o 2015.');
  expect(await pageText(request, '/fr/targets/11', 404)).toContain('Aucune cible 11 : les cibles du SMSI sont numérotées de 1 à 10');
  expect(await pageText(request, '/fr/stocktaking')).toMatch(/Aucune mise à jour depuis plus de 5 ans : \d+ entrées/);
  expect(await pageText(request, '/es/data')).toContain('ambos están redactados solo en inglés');
  // English stays English.
  expect(await pageText(request, '/countries/XXX', 404)).toContain('No country with the ISO3 code XXX');
});

test('the stocktaking checker reports a bad file in French', async ({ page }) => {
  await page.goto('/fr/stocktaking/check');
  await page.locator('#file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('title,country,year\n"x",KENYA,20x1\n') });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const problems = page.locator('table.problems');
  await expect(problems).toContainText('La colonne obligatoire « id » manque dans l’en-tête (ligne 1).');
  await expect(problems).toContainText('L’en-tête contient des colonnes que le modèle ne connaît pas : "country", "year".');
  expect(englishIn((await page.locator('main').innerText()).replace(/[\s\u00a0\u202f]+/g, ' '))).toEqual([]);
});

test('screenshots: /fr/targets/10 and /es/countries/KEN, desktop and 390 px', async ({ page }) => {
  for (const [path, name] of [['/fr/targets/10', 'fr-target-10-server-text'], ['/es/countries/KEN', 'es-country-KEN-server-text']] as const) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await screenshot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await screenshot(page, `${name}-390`);
  }
});
