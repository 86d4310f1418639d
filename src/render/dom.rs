//! A very small element builder over web-sys. Every string goes in as a text node or an
//! attribute value, never parsed as HTML.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Node};

pub type Result<T = ()> = std::result::Result<T, JsValue>;

/// An element under construction.
pub struct El(pub Element);

impl El {
    pub fn new(doc: &Document, tag: &str) -> Result<El> {
        Ok(El(doc.create_element(tag)?))
    }

    pub fn class(self, class: &str) -> Result<El> {
        self.0.set_attribute("class", class)?;
        Ok(self)
    }

    pub fn attr(self, name: &str, value: &str) -> Result<El> {
        self.0.set_attribute(name, value)?;
        Ok(self)
    }

    /// Appends `text` as a text node.
    pub fn text(self, text: &str) -> Result<El> {
        self.0.append_with_str_1(text)?;
        Ok(self)
    }

    pub fn child(self, child: El) -> Result<El> {
        self.0.append_child(&child.0)?;
        Ok(self)
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> Result<El> {
        for child in children {
            self.0.append_child(&child.0)?;
        }
        Ok(self)
    }

    pub fn append_to(self, parent: &Node) -> Result<Element> {
        parent.append_child(&self.0)?;
        Ok(self.0)
    }

    pub fn into_element(self) -> Element {
        self.0
    }
}

/// Shorthand for an element with a class and a text.
pub fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<El> {
    let el = El::new(doc, tag)?;
    let el = if class.is_empty() { el } else { el.class(class)? };
    el.text(text)
}

/// Focuses an element without scrolling the page under a sticky bar (the caller scrolls).
pub fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    }
}

/// The nearest ancestor (or self) of an event target matching `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok().flatten()
}
