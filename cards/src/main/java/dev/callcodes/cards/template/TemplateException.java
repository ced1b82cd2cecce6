package dev.callcodes.cards.template;

/** A template uses something the engine does not support, or data breaks it; names the template and JSON path. */
public class TemplateException extends RuntimeException {
    public TemplateException(String template, String path, String problem) {
        super("Template '" + template + "' at " + path + ": " + problem);
    }
}
