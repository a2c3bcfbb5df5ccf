package io.jingda.question.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSetDto;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moodle XML: multichoice (single and multi), truefalse, shortanswer, numerical with tolerance, ordering (the
 * qtype_ordering plugin), category and tags; polls are not exported (Moodle has no such type). HTML question
 * text becomes plain text. Read with StAX, one question at a time; a DTD (and with it every entity trick: XXE,
 * billion laughs) is refused outright.
 * Why one long class: it is one streaming parser of one document type; each question type's reader
 * shares the StAX cursor and the line numbers of the errors, so they stay together.
 */
public final class MoodleXmlFormat implements QuestionFormat {
    private static final int MAX_DEPTH = 32;
    private static final XMLInputFactory INPUT = inputFactory();

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    @Override
    public String id() {
        return "moodle-xml";
    }

    @Override
    public List<String> extensions() {
        return List.of("xml");
    }

    @Override
    public String mediaType() {
        return "application/xml; charset=UTF-8";
    }

    @Override
    public boolean sniff(String head) {
        String h = head.stripLeading();
        return h.startsWith("<?xml") || h.startsWith("<quiz");
    }

    /** A small element tree for one question. */
    private record Node(String name, Map<String, String> attrs, List<Node> children, StringBuilder text, int line) {
        Node child(String n) {
            for (Node c : children) {
                if (c.name.equals(n)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String n) {
            return children.stream().filter(c -> c.name.equals(n)).toList();
        }

        /** The text of {@code <n><text>...</text></n>}, or of {@code <n>} itself. */
        String textOf(String n) {
            Node c = child(n);
            if (c == null) {
                return null;
            }
            Node t = c.child("text");
            return (t != null ? t.text : c.text).toString();
        }

        String attr(String n) {
            return attrs.get(n);
        }
    }

    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        ResultBuilder out = new ResultBuilder(id(), limits);
        out.encoding = "UTF-8";
        XMLStreamReader r = null;
        try {
            r = INPUT.createXMLStreamReader(new ByteArrayInputStream(data));
            if (r.getCharacterEncodingScheme() != null) {
                out.encoding = r.getCharacterEncodingScheme().toUpperCase(Locale.ROOT);
            }
            boolean quiz = false;
            List<Node> stack = new ArrayList<>();
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new FormatException(
                            "XML with a DTD (<!DOCTYPE ...>) is refused: Moodle never writes one, and it can hide entity attacks",
                            line(r.getLocation()), null);
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new FormatException(
                            "the XML uses an undeclared entity &" + r.getLocalName() + ";", line(r.getLocation()), null);
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (!quiz) {
                            if (!name.equals("quiz")) {
                                throw new FormatException("not Moodle XML: the root element is <" + name + ">, expected <quiz>",
                                        line(r.getLocation()), null);
                            }
                            quiz = true;
                            continue;
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw new FormatException("the XML is nested more than " + MAX_DEPTH + " levels deep",
                                    line(r.getLocation()), null);
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        Node n = new Node(name, attrs, new ArrayList<>(), new StringBuilder(), line(r.getLocation()));
                        if (!stack.isEmpty()) {
                            Node parent = stack.get(stack.size() - 1);
                            // nothing nested inside a <file> is kept
                            if (!parent.name.equals("file")) {
                                parent.children.add(n);
                            }
                        } else if (!name.equals("question")) {
                            out.warning(Position.line(n.line), null, "element <" + name + "> outside a <question> was ignored");
                        }
                        stack.add(n);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            // a <file>'s text is its base64 picture, kept for MoodlePictures (bounded by the upload's size)
                            stack.get(stack.size() - 1).text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (stack.isEmpty()) {
                            continue;
                        }
                        Node done = stack.remove(stack.size() - 1);
                        if (stack.isEmpty() && done.name.equals("question")) {
                            question(done, out);
                        }
                    }
                    default -> { }
                }
            }
            if (!quiz) {
                throw new FormatException("the file holds no <quiz> element", null, null);
            }
        } catch (XMLStreamException e) {
            throw new FormatException(where(e.getLocation()) + "the XML is not well-formed (truncated or damaged): "
                    + clean(e.getMessage()), line(e.getLocation()), null);
        } catch (RuntimeException e) {
            throw new FormatException("the XML cannot be read: " + clean(e.getMessage()), null, null);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
        return out.build();
    }

    private static void question(Node q, ResultBuilder out) throws FormatException {
        String type = q.attr("type") == null ? "" : q.attr("type");
        Position pos = Position.line(q.line);
        if (type.equals("category")) {
            String c = q.textOf("category");
            if (c != null) {
                out.category = GiftFormat.categoryName(c);
            }
            return;
        }
        out.countItem();
        String stem = richText(q.child("questiontext"));
        String image = MoodlePictures.read(rawText(q.child("questiontext")), files(q.child("questiontext")), pos, "image",
                out);
        String explanation = richText(q.child("generalfeedback"));
        String name = q.textOf("name") == null ? null : q.textOf("name").strip();
        String id = name != null && QuestionRules.ID.matcher(name).matches() ? name : null;
        List<String> tags = new ArrayList<>();
        Node tagsNode = q.child("tags");
        if (tagsNode != null) {
            for (Node t : tagsNode.all("tag")) {
                String v = t.textOf("text") != null ? t.textOf("text") : t.text.toString();
                if (!v.isBlank()) {
                    tags.add(v.strip());
                }
            }
        }
        List<Node> answers = q.all("answer");
        switch (type) {
            case "multichoice" -> {
                boolean single = !"false".equalsIgnoreCase(text(q.textOf("single")));
                List<String> options = new ArrayList<>();
                List<String> correct = new ArrayList<>();
                List<String> optionImages = new ArrayList<>();
                for (Node a : answers) {
                    String t = richText(a);
                    optionImages.add(MoodlePictures.read(rawText(a), files(a), pos, "optionImages[" + options.size() + "]",
                            out));
                    options.add(t);
                    if (fraction(a) > 0) {
                        correct.add(t);
                    }
                }
                if (correct.isEmpty()) {
                    out.error(pos, "answer", "no answer has a positive fraction (none is correct)");
                    return;
                }
                JsonNode answer;
                if (single && correct.size() == 1) {
                    answer = TextNode.valueOf(correct.get(0));
                } else {
                    ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                    correct.forEach(arr::add);
                    answer = arr;
                }
                out.question(dto(id, answer.isArray() ? "multiple" : "single", stem, options, answer, null, explanation,
                        tags, image, optionImages), pos);
            }
            case "truefalse" -> {
                Boolean value = null;
                for (Node a : answers) {
                    if (fraction(a) >= 100) {
                        String t = text(a.textOf("text") != null ? a.textOf("text") : a.text.toString()).toLowerCase(Locale.ROOT);
                        value = t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : null;
                    }
                }
                if (value == null) {
                    out.error(pos, "answer", "a truefalse question needs an answer 'true' or 'false' with fraction 100");
                    return;
                }
                out.question(dto(id, "true_false", stem, null, BooleanNode.valueOf(value), null, explanation, tags, image,
                        null), pos);
            }
            case "shortanswer" -> {
                ArrayNode accepted = JsonNodeFactory.instance.arrayNode();
                for (Node a : answers) {
                    String t = richText(a);
                    if (fraction(a) >= 100) {
                        accepted.add(t);
                    } else if (fraction(a) > 0) {
                        out.warning(pos, "answer", "the partial-credit answer '" + t + "' was left out: only fully correct"
                                + " answers are accepted");
                    }
                }
                out.question(dto(id, "text", stem, null, accepted, null, explanation, tags, image, null), pos);
            }
            case "numerical" -> {
                Node best = null;
                for (Node a : answers) {
                    if (fraction(a) >= 100) {
                        best = a;
                        break;
                    }
                }
                if (best == null) {
                    out.error(pos, "answer", "a numerical question needs an answer with fraction 100");
                    return;
                }
                String value = text(best.textOf("text") != null ? best.textOf("text") : best.text.toString());
                String tol = best.child("tolerance") == null ? null : text(best.child("tolerance").text.toString());
                try {
                    double v = Double.parseDouble(value);
                    Double t = tol == null || tol.isEmpty() ? null : Double.parseDouble(tol);
                    out.question(dto(id, "numeric", stem, null, DoubleNode.valueOf(v), t == null || t == 0 ? null : t,
                            explanation, tags, image, null), pos);
                } catch (NumberFormatException e) {
                    out.error(pos, "answer", "'" + value + "' (tolerance '" + tol + "') is not a number");
                }
            }
            case "ordering" -> ordering(q, answers, pos, out, id, stem, explanation, tags, image);
            case "matching" -> out.skip(pos, "a matching question has no type here");
            case "essay" -> out.skip(pos, "an essay question has no type here");
            case "cloze", "multianswer" -> out.skip(pos, "an embedded-answers (cloze) question has no type here");
            case "ddwtos", "ddimageortext", "ddmarker", "gapselect" -> out.skip(pos,
                    "a drag-and-drop question (" + type + ") has no type here");
            case "description" -> out.skip(pos, "a description is not a question");
            default -> out.skip(pos, "Moodle question type '" + type + "' has no type here");
        }
    }

    private static QuestionDto dto(String id, String type, String stem, List<String> options, JsonNode answer,
                                   Double tolerance, String explanation, List<String> tags, String image,
                                   List<String> optionImages) {
        return new QuestionDto(id, null, type, stem, options, answer, tolerance,
                explanation == null || explanation.isBlank() ? null : explanation, null, tags.isEmpty() ? null : tags,
                null, null, null, null, image,
                optionImages == null || optionImages.stream().allMatch(java.util.Objects::isNull) ? null : optionImages);
    }

    /** The raw text of {@code <x><text>...</text></x>}, markup and all. */
    private static String rawText(Node n) {
        Node t = n == null ? null : n.child("text");
        return t == null ? null : t.text.toString();
    }

    /** The {@code <file name=... encoding="base64">} children of an element: name to base64 text. */
    private static Map<String, String> files(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null) {
            for (Node f : n.all("file")) {
                if (f.attr("name") != null) {
                    out.putIfAbsent(f.attr("name"), f.text.toString());
                }
            }
        }
        return out;
    }

    /** {@code <x format="html"><text>...</text></x>}: HTML unless the format says plain. */
    private static String richText(Node n) {
        if (n == null) {
            return null;
        }
        Node t = n.child("text");
        String raw = t == null ? "" : t.text.toString();
        String format = n.attr("format") == null ? "html" : n.attr("format");
        return switch (format) {
            case "plain_text", "markdown" -> raw.strip();
            case "moodle_auto_format" -> Html.looksLikeHtml(raw) ? Html.toText(raw) : raw.strip();
            default -> Html.toText(raw);
        };
    }

    private static double fraction(Node a) {
        try {
            return Double.parseDouble(a.attr("fraction") == null ? "0" : a.attr("fraction").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static Integer line(Location l) {
        return l == null || l.getLineNumber() <= 0 ? null : l.getLineNumber();
    }

    /** "line L, column C: " of a parser's location, or "" when it has none. */
    private static String where(Location l) {
        if (l == null || l.getLineNumber() <= 0) {
            return "";
        }
        return "line " + l.getLineNumber() + (l.getColumnNumber() > 0 ? ", column " + l.getColumnNumber() : "") + ": ";
    }

    /** The parser's own sentence, without its location prefix and without any class name. */
    private static String clean(String m) {
        if (m == null) {
            return "";
        }
        int i = m.indexOf("Message: ");
        return io.jingda.system.JsonErrors.scrub(i >= 0 ? m.substring(i + 9) : m);
    }

    // ---- export ----

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        return write(set, questions, url -> java.util.Optional.empty());
    }

    /** With the bank's pictures: each embedded as a {@code <file>} its question's or option's HTML shows. */
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions,
                              java.util.function.Function<String, java.util.Optional<byte[]>> pictures) {
        List<ExportResult.Omission> omitted = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("quiz");
            w.writeCharacters("\n");
            w.writeStartElement("question");
            w.writeAttribute("type", "category");
            w.writeStartElement("category");
            textElement(w, "$course$/top/" + (set.title() == null ? set.id() : set.title().replace('/', '-')));
            w.writeEndElement();
            w.writeEndElement();
            w.writeCharacters("\n");
            for (QuestionDto q : questions) {
                if ("poll".equals(q.type())) {
                    omitted.add(new ExportResult.Omission(q.id(), "Moodle XML has no question without a correct "
                            + "answer (poll); export the set as YAML, JSON, CSV or XLSX to keep it"));
                    continue;
                }
                writeQuestion(w, q, pictures);
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return new ExportResult(bytes.toByteArray(), List.copyOf(omitted));
    }

    /**
     * qtype_ordering: the answers' fractions are their places in the right order (1, 2, 3…; the plugin writes them
     * in that order too). A subset of the items ({@code selecttype} other than ALL) and the plugin's grading
     * types are not kept: the whole order is asked, scored as the contest's {@code scoring.ordering} says.
     */
    private static void ordering(Node q, List<Node> answers, Position pos, ResultBuilder out, String id, String stem,
                                 String explanation, List<String> tags, String image) {
        List<Node> sorted = new ArrayList<>(answers);
        sorted.sort(java.util.Comparator.comparingDouble(MoodleXmlFormat::fraction)); // stable: ties keep their order
        ArrayNode order = JsonNodeFactory.instance.arrayNode();
        List<String> optionImages = new ArrayList<>();
        for (Node a : sorted) {
            optionImages.add(MoodlePictures.read(rawText(a), files(a), pos, "optionImages[" + order.size() + "]", out));
            order.add(richText(a));
        }
        List<String> options = new ArrayList<>();
        order.forEach(n -> options.add(n.asText()));
        String select = text(q.textOf("selecttype"));
        if (!select.isEmpty() && !select.equalsIgnoreCase("ALL") && !select.equals("0")) {
            out.warning(pos, "selecttype", "selecttype " + select + " (a subset of the items) is not kept: all "
                    + options.size() + " items are asked");
        }
        String grading = text(q.textOf("gradingtype"));
        if (!grading.isEmpty() && !grading.equalsIgnoreCase("ABSOLUTE_POSITION")
                && !grading.equalsIgnoreCase("ALL_OR_NOTHING") && !grading.equals("0") && !grading.equals("-1")) {
            out.warning(pos, "gradingtype", "gradingtype " + grading + " is not kept: the contest's scoring.ordering "
                    + "(all or nothing, or one share per item in its right place) scores it");
        }
        out.question(dto(id, "ordering", stem, options, order, null, explanation, tags, image, optionImages), pos);
    }

    private static void writeQuestion(XMLStreamWriter w, QuestionDto q,
                                      java.util.function.Function<String, java.util.Optional<byte[]>> pictures)
            throws XMLStreamException {
        String type = switch (q.type()) {
            case "single", "multiple" -> "multichoice";
            case "true_false" -> "truefalse";
            case "text" -> "shortanswer";
            case "numeric" -> "numerical";
            case "ordering" -> "ordering";
            default -> throw new IllegalStateException(q.type());
        };
        w.writeStartElement("question");
        w.writeAttribute("type", type);
        w.writeStartElement("name");
        textElement(w, q.id() == null ? abbreviate(q.stem()) : q.id());
        w.writeEndElement();
        MoodlePictures.Html stemHtml = q.image() == null ? null : MoodlePictures.write(q.stem(), q.image(), pictures);
        if (stemHtml != null) {
            html(w, "questiontext", null, stemHtml);
        } else {
            plain(w, "questiontext", q.stem());
        }
        plain(w, "generalfeedback", q.explanation() == null ? "" : q.explanation());
        simple(w, "defaultgrade", "1");
        JsonNode a = q.answer();
        switch (q.type()) {
            case "single", "multiple" -> {
                boolean single = q.type().equals("single");
                simple(w, "single", single ? "true" : "false");
                simple(w, "shuffleanswers", "true");
                simple(w, "answernumbering", "abc");
                List<String> right = new ArrayList<>();
                if (a.isArray()) {
                    a.forEach(n -> right.add(n.asText()));
                } else {
                    right.add(a.asText());
                }
                String share = new java.math.BigDecimal(100).divide(java.math.BigDecimal.valueOf(right.size()), 5,
                        java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
                for (int i = 0; i < q.options().size(); i++) {
                    String o = q.options().get(i);
                    String fraction = right.contains(o) ? share : single ? "0" : "-100";
                    String url = q.optionImages() == null ? null : q.optionImages().get(i);
                    MoodlePictures.Html optionHtml = url == null ? null : MoodlePictures.write(o, url, pictures);
                    if (optionHtml != null) {
                        html(w, "answer", fraction, optionHtml);
                    } else {
                        answer(w, fraction, o, null);
                    }
                }
            }
            case "true_false" -> {
                answer(w, a.asBoolean() ? "100" : "0", "true", null);
                answer(w, a.asBoolean() ? "0" : "100", "false", null);
            }
            case "text" -> {
                simple(w, "usecase", "0");
                for (JsonNode n : a) {
                    answer(w, "100", n.asText(), null);
                }
            }
            case "numeric" -> answer(w, "100", QuestionTable.number(a.asDouble()),
                    q.tolerance() == null ? "0" : QuestionTable.number(q.tolerance()));
            case "ordering" -> {
                // as the qtype_ordering plugin writes them: the items in the right order, fraction = place
                simple(w, "layouttype", "VERTICAL");
                simple(w, "selecttype", "ALL");
                simple(w, "selectcount", "0");
                simple(w, "gradingtype", "ABSOLUTE_POSITION");
                int place = 1;
                for (JsonNode n : a) {
                    // the options are stored in the right order, so option i's picture is the i-th item's
                    int i = q.options() == null ? -1 : q.options().indexOf(n.asText());
                    String url = i < 0 || q.optionImages() == null ? null : q.optionImages().get(i);
                    MoodlePictures.Html optionHtml = url == null ? null : MoodlePictures.write(n.asText(), url, pictures);
                    if (optionHtml != null) {
                        html(w, "answer", String.valueOf(place++), optionHtml);
                    } else {
                        answer(w, String.valueOf(place++), n.asText(), null);
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (q.tags() != null && !q.tags().isEmpty()) {
            w.writeStartElement("tags");
            for (String t : q.tags()) {
                w.writeStartElement("tag");
                textElement(w, t);
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void answer(XMLStreamWriter w, String fraction, String text, String tolerance) throws XMLStreamException {
        w.writeStartElement("answer");
        w.writeAttribute("fraction", fraction);
        w.writeAttribute("format", "plain_text");
        textElement(w, text);
        if (tolerance != null) {
            simple(w, "tolerance", tolerance);
        }
        w.writeEndElement();
    }

    /** An HTML text element (a question's text, or an answer with its fraction) with its embedded picture. */
    private static void html(XMLStreamWriter w, String name, String fraction, MoodlePictures.Html h)
            throws XMLStreamException {
        w.writeStartElement(name);
        if (fraction != null) {
            w.writeAttribute("fraction", fraction);
        }
        w.writeAttribute("format", "html");
        textElement(w, h.html());
        w.writeStartElement("file");
        w.writeAttribute("name", h.fileName());
        w.writeAttribute("path", "/");
        w.writeAttribute("encoding", "base64");
        w.writeCharacters(java.util.Base64.getEncoder().encodeToString(h.bytes()));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void plain(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeAttribute("format", "plain_text");
        textElement(w, text);
        w.writeEndElement();
    }

    private static void simple(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void textElement(XMLStreamWriter w, String text) throws XMLStreamException {
        w.writeStartElement("text");
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
