package io.jingda.question.transfer;

import io.jingda.media.MediaService;
import io.jingda.media.MediaUrls;
import io.jingda.question.QuestionDto;
import io.jingda.question.format.ImportProblem;
import io.jingda.question.format.NativeZipFormat;
import io.jingda.question.format.Position;
import io.jingda.system.ApiException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pictures a file carries (a zip's picture files, Moodle XML's embedded files), put in the bank as uploads are: each one a
 * question names is checked, re-encoded and stored once ({@link MediaService}), and the question gets
 * its URL. A picture that does not decode (or is too large, or not a picture) is an error naming the
 * question and the field. One per import: it remembers what it stored, so a picture used twice is
 * processed once.
 */
final class ImportPictures {
    private final MediaService media;
    private final Map<String, byte[]> files;
    private final Map<String, Object> done = new HashMap<>(); // path -> URL (String) or the refusal (ApiException)

    ImportPictures(MediaService media, Map<String, byte[]> files) {
        this.media = media;
        this.files = files;
    }

    /** The question with every picture path of the file replaced by its URL; problems go to {@code errors}. */
    QuestionDto resolve(QuestionDto q, String prefix, Position pos, List<ImportProblem> errors) {
        if (files.isEmpty()) {
            return q;
        }
        int before = errors.size();
        String image = resolve(q.image(), prefix + "image", pos, errors);
        List<String> optionImages = null;
        if (q.optionImages() != null) {
            optionImages = new ArrayList<>();
            for (int i = 0; i < q.optionImages().size(); i++) {
                optionImages.add(resolve(q.optionImages().get(i), prefix + "optionImages[" + i + "]", pos, errors));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new QuestionDto(q.id(), q.set(), q.type(), q.stem(), q.options(), q.answer(), q.tolerance(),
                q.explanation(), q.source(), q.tags(), q.difficulty(), q.timeLimit(), q.points(), q.related(), image,
                optionImages);
    }

    private String resolve(String value, String field, Position pos, List<ImportProblem> errors) {
        if (value == null || value.isBlank() || MediaUrls.parse(value.strip()).isPresent()) {
            return value;
        }
        String path = NativeZipFormat.normalize(value.strip());
        byte[] bytes = files.get(path);
        if (bytes == null) {
            errors.add(ImportProblem.at(pos, null, field, "the file holds no picture '" + path + "'"));
            return null;
        }
        Object result = done.computeIfAbsent(path, p -> {
            try {
                return media.upload(bytes.length, () -> bytes).url();
            } catch (ApiException e) {
                return e;
            }
        });
        if (result instanceof ApiException e) {
            errors.add(ImportProblem.at(pos, null, field, "the picture '" + path + "' cannot be used: " + e.getMessage()));
            return null;
        }
        return (String) result;
    }
}
