//! A very small element builder over web-sys. Every string goes in as a text node or an
//! attribute value, never parsed as HTML.
//!
//! The builder does not return errors: creating an element with a fixed tag, setting an
//! attribute with a fixed name, or appending to a fresh element cannot fail, and carrying a
//! `Result` through every call cost more code than anything else in the module.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Node};

pub type Result<T = ()> = core::result::Result<T, JsValue>;

/// An element under construction.
pub struct El(pub Element);

impl El {
    pub fn new(doc: &Document, tag: &str) -> El {
        // Fails only for an invalid tag name; ours are fixed and valid.
        El(doc.create_element(tag).unwrap_or_else(|_| doc.create_element("div").expect("div")))
    }

    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Appends `text` as a text node.
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    pub fn append_to(self, parent: &Node) -> Element {
        let _ = parent.append_child(&self.0);
        self.0
    }

    pub fn into_element(self) -> Element {
        self.0
    }
}

/// Shorthand for an element with a class and a text.
pub fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> El {
    let el = El::new(doc, tag);
    let el = if class.is_empty() { el } else { el.class(class) };
    el.text(text)
}

/// Removes every child of `element`.
pub fn clear(element: &Element) {
    while let Some(child) = element.first_child() {
        let _ = element.remove_child(&child);
    }
}

/// Focuses an element without scrolling the page under a sticky bar (the caller scrolls).
pub fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = html.focus_with_options(&options);
    }
}

/// The nearest ancestor (or self) of an event target matching `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok().flatten()
}
