-- A search key for place names in any of the four scripts we hold (Uzbek Latin and Cyrillic, Russian, English).
-- qamrov_fold maps a name to a plain-ASCII skeleton so that spellings of one place meet: apostrophe variants
-- (o' oʻ o‘ o` oʼ) vanish, Cyrillic is transliterated (ў → o, қ → q, ғ → g, ҳ → h, ж → j …), and the letters that
-- transliterations disagree on are merged (q → k, x and kh → h, zh → j). So "Qoʻngʻirot", "Qo‘ng‘irot", "Қўнғирот"
-- and "Qongirot" all fold to "kongirot"; the Russian "Кунград" folds to "kungrad", which is what an English speaker
-- types. Upper-case Cyrillic is listed explicitly instead of trusting lower(): the cluster may run with a C ctype,
-- where lower() leaves Cyrillic untouched. translate() deletes the characters after the last mapped one (ъ ь and
-- the apostrophes).
CREATE FUNCTION qamrov_fold(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN trim(regexp_replace(replace(replace(replace(replace(
    translate(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
            replace(replace(replace(replace(replace(replace(replace(replace(
                lower(name),
            'Ж', 'j'), 'ж', 'j'), 'Ч', 'ch'), 'ч', 'ch'), 'Ш', 'sh'), 'ш', 'sh'), 'Щ', 'sh'), 'щ', 'sh'),
            'Ю', 'yu'), 'ю', 'yu'), 'Я', 'ya'), 'я', 'ya'), 'Ё', 'yo'), 'ё', 'yo'), 'Ц', 'ts'), 'ц', 'ts'),
            'Х', 'h'), 'х', 'h'), 'Ҳ', 'h'), 'ҳ', 'h'),
        'АБВГДЕЗИЙКЛМНОПРСТУФЫЭЎҚҒабвгдезийклмнопрстуфыэўқғ-–—.,()/ЪЬъьʻʼ‘’`''´ʹ',
        'abvgdeziyklmnoprstufieoqgabvgdeziyklmnoprstufieoqg        '),
    'kh', 'h'), 'q', 'k'), 'x', 'h'), 'zh', 'j'), '\s+', ' ', 'g'));

-- the place search reads regions, districts and settlements by these keys (a trigram index is not needed at
-- 12,000 settlements: a sequential scan of the stored keys takes a few milliseconds)
ALTER TABLE settlements ADD COLUMN search_key text GENERATED ALWAYS AS (
    qamrov_fold(coalesce(name_uz_latn, '') || ' | ' || coalesce(name_uz_cyrl, '') || ' | ' || coalesce(name_ru, '')
        || ' | ' || coalesce(name_en, ''))) STORED;
ALTER TABLE districts ADD COLUMN search_key text GENERATED ALWAYS AS (
    qamrov_fold(coalesce(name_uz_latn, '') || ' | ' || coalesce(name_uz_cyrl, '') || ' | ' || coalesce(name_ru, '')
        || ' | ' || coalesce(name_en, ''))) STORED;
ALTER TABLE regions ADD COLUMN search_key text GENERATED ALWAYS AS (
    qamrov_fold(coalesce(name_uz_latn, '') || ' | ' || coalesce(name_uz_cyrl, '') || ' | ' || coalesce(name_ru, '')
        || ' | ' || coalesce(name_en, ''))) STORED;
