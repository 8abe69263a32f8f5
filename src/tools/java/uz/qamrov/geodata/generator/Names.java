package uz.qamrov.geodata.generator;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Place-name handling: Uzbek Latin clean-up (ʻ U+02BB after o/g, ʼ U+02BC elsewhere), a matching key,
 * rule-based Uzbek Latin → Uzbek Cyrillic and → Russian transliteration (with exceptions for well-known Russian
 * exonyms), and plausible synthetic Uzbek village names.
 */
final class Names {
    static final char OKINA = '\u02BB';
    static final char APOS = '\u02BC';
    private static final String[] SUFFIXES = {" shaharchasi", " shahri", " shahar", " qishlogʻi", " tumani"};
    private static final Map<String, String> UZ_FIX = Map.ofEntries(
            Map.entry("tashkent", "Toshkent"), Map.entry("samarkand", "Samarqand"), Map.entry("bukhara", "Buxoro"),
            Map.entry("fergana", "Fargʻona"), Map.entry("tirmiz", "Termiz"), Map.entry("novyyturtkul", "Toʻrtkoʻl"),
            Map.entry("karakul", "Qorakoʻl"), Map.entry("kyzyldzhar", "Qizildjar"),
            Map.entry("krasnogorskiy", "Krasnogorsk"), Map.entry("druzhba", "Pitnak"));
    private static final Map<String, String> RU = Map.ofEntries(
            Map.entry("Toshkent", "Ташкент"), Map.entry("Samarqand", "Самарканд"), Map.entry("Buxoro", "Бухара"),
            Map.entry("Fargʻona", "Фергана"), Map.entry("Andijon", "Андижан"), Map.entry("Namangan", "Наманган"),
            Map.entry("Nukus", "Нукус"), Map.entry("Qarshi", "Карши"), Map.entry("Termiz", "Термез"),
            Map.entry("Urganch", "Ургенч"), Map.entry("Xiva", "Хива"), Map.entry("Navoiy", "Навои"),
            Map.entry("Jizzax", "Джизак"), Map.entry("Guliston", "Гулистан"), Map.entry("Qoʻqon", "Коканд"),
            Map.entry("Margʻilon", "Маргилан"), Map.entry("Chirchiq", "Чирчик"), Map.entry("Olmaliq", "Алмалык"),
            Map.entry("Angren", "Ангрен"), Map.entry("Bekobod", "Бекабад"), Map.entry("Shahrisabz", "Шахрисабз"),
            Map.entry("Kattaqoʻrgʻon", "Каттакурган"), Map.entry("Denov", "Денау"), Map.entry("Zarafshon", "Зарафшан"),
            Map.entry("Uchquduq", "Учкудук"), Map.entry("Kogon", "Каган"), Map.entry("Gʻijduvon", "Гиждуван"),
            Map.entry("Toʻrtkoʻl", "Турткуль"), Map.entry("Qoʻngʻirot", "Кунград"), Map.entry("Moʻynoq", "Муйнак"),
            Map.entry("Xoʻjayli", "Ходжейли"), Map.entry("Chimboy", "Чимбай"), Map.entry("Beruniy", "Беруни"),
            Map.entry("Yangiyoʻl", "Янгиюль"), Map.entry("Gʻuzor", "Гузар"), Map.entry("Boysun", "Байсун"),
            Map.entry("Sherobod", "Шерабад"), Map.entry("Pitnak", "Питнак"), Map.entry("Quvasoy", "Кувасай"),
            Map.entry("Chust", "Чуст"), Map.entry("Pop", "Пап"), Map.entry("Asaka", "Асака"),
            Map.entry("Urgut", "Ургут"), Map.entry("Olot", "Алат"), Map.entry("Chinoz", "Чиназ"),
            Map.entry("Sirdaryo", "Сырдарья"), Map.entry("Xovos", "Хаваст"), Map.entry("Yangiyer", "Янгиер"));

    private Names() {
    }

    /** Uzbek Latin clean-up of a GeoNames/SimpleMaps name: modifier letters, ŭ → oʻ, admin suffixes removed. */
    static String cleanUz(String raw) {
        StringBuilder sb = new StringBuilder(raw.length() + 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u2018' || c == '\u2019' || c == '\'' || c == '`' || c == OKINA || c == APOS) {
                char prev = sb.length() == 0 ? ' ' : Character.toLowerCase(sb.charAt(sb.length() - 1));
                sb.append(prev == 'o' || prev == 'g' ? OKINA : APOS);
            } else if (c == 'ŭ') {
                sb.append('o').append(OKINA);
            } else if (c == 'Ŭ') {
                sb.append('O').append(OKINA);
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString().trim();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String suf : SUFFIXES) {
            if (lower.endsWith(suf)) {
                s = s.substring(0, s.length() - suf.length()).trim();
                lower = s.toLowerCase(Locale.ROOT);
            }
        }
        String fix = UZ_FIX.get(key(s));
        return fix != null ? fix : s;
    }

    /** Matching key: lower-case ASCII letters only (ŭ → o, apostrophes dropped). */
    static String key(String s) {
        StringBuilder sb = new StringBuilder();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String suf : SUFFIXES) {
            String a = suf.replace(OKINA, '\u2019');
            if (lower.endsWith(suf) || lower.endsWith(a) || lower.endsWith(suf.replace(OKINA, '\u2018'))) {
                lower = lower.substring(0, lower.length() - suf.length());
            }
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == 'ŭ') {
                sb.append('o');
            } else if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String toCyrillic(String latn) {
        return translit(latn, false);
    }

    static String toRussian(String latn) {
        String ex = RU.get(latn);
        return ex != null ? ex : translit(latn, true);
    }

    private static String translit(String s, boolean ru) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean upper = Character.isUpperCase(c);
            char l = Character.toLowerCase(c);
            char n = i + 1 < s.length() ? Character.toLowerCase(s.charAt(i + 1)) : 0;
            boolean wordStart = i == 0 || !Character.isLetter(s.charAt(i - 1)) && s.charAt(i - 1) != OKINA && s.charAt(i - 1) != APOS;
            String r;
            int adv = 1;
            if (l == 'o' && n == OKINA) {
                r = ru ? "у" : "ў";
                adv = 2;
            } else if (l == 'g' && n == OKINA) {
                r = ru ? "г" : "ғ";
                adv = 2;
            } else if (l == 's' && n == 'h') {
                r = "ш";
                adv = 2;
            } else if (l == 'c' && n == 'h') {
                r = "ч";
                adv = 2;
            } else if (l == 'y' && n == 'o') {
                r = "ё";
                adv = 2;
            } else if (l == 'y' && n == 'u') {
                r = "ю";
                adv = 2;
            } else if (l == 'y' && n == 'a') {
                r = "я";
                adv = 2;
            } else if (l == 'y' && n == 'e') {
                r = "е";
                adv = 2;
            } else if (c == APOS) {
                r = ru ? "" : "ъ";
            } else if (c == OKINA) {
                r = "";
            } else {
                r = switch (l) {
                    case 'a' -> "а";
                    case 'b' -> "б";
                    case 'd' -> "д";
                    case 'e' -> wordStart ? "э" : "е";
                    case 'f' -> "ф";
                    case 'g' -> "г";
                    case 'h' -> ru ? "х" : "ҳ";
                    case 'i' -> "и";
                    case 'j' -> ru ? "дж" : "ж";
                    case 'k' -> "к";
                    case 'l' -> "л";
                    case 'm' -> "м";
                    case 'n' -> "н";
                    case 'o' -> "о";
                    case 'p' -> "п";
                    case 'q' -> ru ? "к" : "қ";
                    case 'r' -> "р";
                    case 's' -> "с";
                    case 't' -> "т";
                    case 'u' -> "у";
                    case 'v' -> "в";
                    case 'x' -> "х";
                    case 'y' -> "й";
                    case 'z' -> "з";
                    case 'c' -> "ц";
                    case 'w' -> "в";
                    default -> String.valueOf(c);
                };
            }
            if (upper && !r.isEmpty()) {
                r = Character.toUpperCase(r.charAt(0)) + r.substring(1);
            }
            out.append(r);
            i += adv;
        }
        return out.toString();
    }

    private static final String[] PREFIX = {"Yangi", "Eski", "Katta", "Kichik", "Qora", "Oq", "Koʻk", "Sariq", "Qizil",
        "Toʻqay", "Bogʻ", "Chor", "Beshsh", "Olti", "Navbahor", "Guliston", "Obi", "Tol", "Jiyda", "Uzum", "Sho", "Bobo",
        "Qum", "Tosh", "Kul", "Qoʻrgʻon", "Mehnat", "Doʻst", "Yulduz", "Paxta", "Dehqon", "Yoz", "Chinor", "Mirza"};
    private static final String[] ROOT = {"obod", "ariq", "tepa", "soy", "buloq", "kent", "qoʻrgʻon", "bogʻ", "qishloq",
        "yop", "qudiq", "guzar", "chek", "ovul", "mozor", "toʻqay", "dala", "rabot", "ota", "bozor", "kul", "sha"};

    static String syntheticName(SplittableRandom rnd) {
        String p = PREFIX[rnd.nextInt(PREFIX.length)];
        String r = ROOT[rnd.nextInt(ROOT.length)];
        String s = p + r;
        return s.replace("Beshshq", "Beshq").replace("shsh", "sh");
    }
}
