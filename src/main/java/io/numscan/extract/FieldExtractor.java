package io.numscan.extract;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.ingest.TextWord;
import io.numscan.pipeline.DocumentResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what the pipeline read from a document into the named fields of the template it matches.
 * Pure: no I/O, so one instance serves any number of threads.
 */
public final class FieldExtractor {
    private final List<Template> templates;

    public FieldExtractor(List<Template> templates) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no template");
        }
        this.templates = List.copyOf(templates);
    }

    public List<Template> templates() {
        return templates;
    }

    /** @param pages the document's pages, in order, each with its text layer if it has one */
    public ExtractedDocument extract(DocumentResult document, List<PageContent> pages) {
        Optional<Template> template = choose(pages);
        if (template.isEmpty()) {
            return new ExtractedDocument(document.file(), Optional.empty(), List.of(), List.of(),
                    List.of("no template matches (" + templates.stream().map(Template::name)
                            .collect(Collectors.joining(", ")) + ")"), false);
        }
        Template t = template.get();
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        t.fields().forEach(f -> specs.put(f.name(), f));
        Map<String, ExtractedField> found = new LinkedHashMap<>();
        for (FieldSpec spec : TemplateLoader.FieldOrder.resolve(specs)) {
            found.put(spec.name(), FieldLocator.locate(spec, t.dateOrder(), pages, found));
        }
        List<ExtractedField> fields = t.fields().stream().map(f -> found.get(f.name())).toList();
        List<String> warnings = new ArrayList<>();
        for (ExtractedField f : fields) {
            if (!f.found()) {
                warnings.add("not found: " + f.name());
            }
        }
        List<CheckResult> checks = new ArrayList<>();
        boolean flagged = false;
        for (Check c : t.checks()) {
            CheckResult r = c.evaluate(found);
            checks.add(r);
            if (r.status() == CheckResult.Status.FAILED) {
                flagged = true;
                warnings.add("check failed: " + r.check() + " (" + r.detail() + ")");
            } else if (r.status() == CheckResult.Status.NOT_CHECKED) {
                warnings.add("not checked: " + r.check() + " (" + r.detail() + ")");
            }
        }
        return new ExtractedDocument(document.file(), Optional.of(t.name()), fields, checks, warnings, flagged);
    }

    /** The first template whose match holds, else the first that takes any document. */
    Optional<Template> choose(List<PageContent> pages) {
        for (Template t : templates) {
            if (!t.match().matchesAny() && matches(t.match(), pages)) {
                return Optional.of(t);
            }
        }
        return templates.stream().filter(t -> t.match().matchesAny()).findFirst();
    }

    static boolean matches(DocumentMatch match, List<PageContent> pages) {
        if (pages.isEmpty()) {
            return false;
        }
        Optional<List<TextWord>> words = pages.get(0).words();
        if (!match.keywords().isEmpty() && words.isPresent()) {
            String text = " " + words.get().stream().map(TextWord::text).collect(Collectors.joining(" "))
                    .toLowerCase(Locale.ROOT) + " ";
            boolean all = match.keywords().stream()
                    .allMatch(k -> text.contains(k.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
            if (all) {
                return true;
            }
        }
        for (DocumentMatch.PrintedNumber p : match.printed()) {
            if (p.zone().page() > pages.size()) {
                continue;
            }
            PageContent page = pages.get(p.zone().page() - 1);
            for (RecognizedNumber n : page.result().numbers()) {
                if (p.zone().holds(n.box(), page.result().width(), page.result().height())
                        && p.pattern().matcher(n.value()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
