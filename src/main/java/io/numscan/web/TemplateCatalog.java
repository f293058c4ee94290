package io.numscan.web;

import io.numscan.extract.FieldExtractor;
import io.numscan.extract.Template;
import io.numscan.extract.TemplateException;
import io.numscan.extract.TemplateLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The extract templates the web page offers: every {@code *.json} in the folder
 * {@code numscan.web.templates} names, read afresh on each request so a template dropped into
 * the folder is offered at once; or one uploaded with the documents.
 */
@ApplicationScoped
public class TemplateCatalog {
    /** Asks for every template of the folder, each document taking the one it matches. */
    public static final String ALL = "*";

    private final Optional<Path> folder;

    @Inject
    TemplateCatalog(WebConfig config) {
        this.folder = config.templates().map(Path::of);
    }

    /** The folder's templates; none when no folder is configured or it does not exist. */
    public List<Template> available() throws TemplateException {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return List.of();
        }
        try (var list = Files.list(folder.get())) {
            if (list.noneMatch(p -> p.getFileName().toString().endsWith(".json"))) {
                return List.of();
            }
        } catch (IOException e) {
            throw new TemplateException(folder.get().toString(), "cannot list the folder: " + e.getMessage(), e);
        }
        return TemplateLoader.load(List.of(folder.get()));
    }

    /**
     * The extractor for a request: an uploaded template file, or the folder's template named
     * {@code name} ({@link #ALL} for all of them); empty when neither is asked for.
     *
     * @throws TemplateException when the uploaded template is invalid or the name unknown
     */
    public Optional<FieldExtractor> choose(String name, String uploadName, Path upload) throws TemplateException {
        if (upload != null) {
            String source = uploadName == null || uploadName.isBlank() ? "uploaded template" : uploadName;
            String json;
            try {
                json = Files.readString(upload, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TemplateException(source, "cannot read the upload: " + e.getMessage(), e);
            }
            return Optional.of(new FieldExtractor(List.of(TemplateLoader.parse(source, json))));
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<Template> templates = available();
        if (name.equals(ALL)) {
            if (templates.isEmpty()) {
                throw new TemplateException("template", "no templates are configured (numscan.web.templates)");
            }
            return Optional.of(new FieldExtractor(templates));
        }
        return templates.stream().filter(t -> t.name().equals(name)).findFirst()
                .map(t -> new FieldExtractor(List.of(t)))
                .map(Optional::of)
                .orElseThrow(() -> new TemplateException("template", "no template named '" + name + "'; available: "
                        + templates.stream().map(Template::name).toList()));
    }
}
