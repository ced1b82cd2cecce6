/**
 * Adaptive Card templates in the standard template language, and the engine that fills them from catalog answers.
 * Plain Java (Jackson), no Spring.
 */
package dev.callcodes.cards;
